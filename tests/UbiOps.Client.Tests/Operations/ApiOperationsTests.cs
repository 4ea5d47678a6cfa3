using NSwag;

namespace UbiOps.Client.Tests.Operations;

/// <summary>The table of operations is the spec's 22 operations, and says which generation serves which.</summary>
public class ApiOperationsTests
{
    private static async Task<OpenApiDocument> SpecAsync() =>
        await OpenApiYamlDocument.FromFileAsync(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "ubiops-deployment-requests.yaml"));

    [Test]
    public async Task Endpoints_Always_AreExactlyTheSpecsOperations()
    {
        var spec = await SpecAsync();
        var inSpec = spec.Paths.SelectMany(path => path.Value.Select(op => $"{op.Key.ToUpperInvariant()} {path.Key} {op.Value.OperationId}")).Order();
        var inTable = ApiOperations.Endpoints.Select(e => $"{e.Info.Method.Method} {e.PathTemplate} {e.OperationId}").Order();

        Assert.Multiple(() =>
        {
            Assert.That(inTable, Is.EqualTo(inSpec));
            Assert.That(ApiOperations.Endpoints, Has.Count.EqualTo(22));
        });
    }

    [Test]
    public async Task Endpoints_SpecsDescription_SaysWhetherTheOldGenerationServesIt()
    {
        // The spec says "servers of the 2024-07 generation do not have it" exactly where the table says so.
        var spec = await SpecAsync();
        foreach (var endpoint in ApiOperations.Endpoints)
        {
            var description = spec.Operations.Single(o => o.Operation.OperationId == endpoint.OperationId).Operation.Description;
            Assert.That(description.Contains("2024-07 generation do not have it", StringComparison.Ordinal),
                Is.EqualTo(!ApiGeneration.July2024.Serves(endpoint.Info.Operation)), endpoint.OperationId);
        }
    }

    [Test]
    public void Serves_EachGeneration_SixteenIn2024AndAllTwentyTwoToday()
    {
        int Count(ApiGeneration generation) => ApiOperations.Endpoints.Count(e => generation.Serves(e.Info.Operation));

        Assert.Multiple(() =>
        {
            Assert.That(Count(ApiGeneration.July2024), Is.EqualTo(16));
            Assert.That(Count(ApiGeneration.December2025), Is.EqualTo(22));
            Assert.That(ApiGeneration.Latest, Is.SameAs(ApiGeneration.December2025));
            Assert.That(ApiGeneration.July2024.Serves(ApiOperation.Other), Is.False);
        });
    }

    [TestCase(ApiOperation.DirectCreate, false)]
    [TestCase(ApiOperation.BatchCreate, false)]
    [TestCase(ApiOperation.Collect, true)]
    [TestCase(ApiOperation.Get, true)]
    [TestCase(ApiOperation.GetInput, true)]
    [TestCase(ApiOperation.GetOutput, true)]
    [TestCase(ApiOperation.List, true)]
    [TestCase(ApiOperation.Cancel, true)]
    [TestCase(ApiOperation.BatchCancel, true)]
    [TestCase(ApiOperation.Delete, true)]
    [TestCase(ApiOperation.BatchDelete, true)]
    public void IsSafeToRepeat_Operation_OnlyCreatesAreNot(ApiOperation operation, bool safe)
    {
        Assert.That(ApiOperations.Get(operation).IsSafeToRepeat, Is.EqualTo(safe));
    }

    [Test]
    public void All_EveryOperationButOther_HasOneRowWithAUniqueName()
    {
        var operations = Enum.GetValues<ApiOperation>().Where(o => o != ApiOperation.Other);

        Assert.Multiple(() =>
        {
            Assert.That(ApiOperations.All.Select(o => o.Operation), Is.EquivalentTo(operations));
            Assert.That(ApiOperations.All.Select(o => o.Name), Is.Unique);
            Assert.Throws<ArgumentOutOfRangeException>(() => ApiOperations.Get(ApiOperation.Other));
        });
    }

    [Test]
    public void FindByOperationId_KnownAndUnknown_FindsOnlyTheKnown()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiOperations.FindByOperationId("deployment_version_requests_output_get")?.Info.Operation, Is.EqualTo(ApiOperation.GetOutput));
            Assert.That(ApiOperations.FindByOperationId("deployment_version_requests_output_get")?.Versioned, Is.True);
            Assert.That(ApiOperations.FindByOperationId("pipeline_requests_create"), Is.Null);
        });
    }

    [TestCase("2024-07")]
    [TestCase("2025-12")]
    [TestCase(" 2025-12 ")]
    public void Parse_GenerationName_FindsIt(string name)
    {
        Assert.That(ApiGeneration.Parse(name).Name, Is.EqualTo(name.Trim()));
    }

    [TestCase("2025")]
    [TestCase("latest")]
    [TestCase("")]
    public void Parse_UnknownName_ThrowsNamingTheGenerations(string name)
    {
        var exception = Assert.Throws<FormatException>(() => ApiGeneration.Parse(name));

        Assert.That(exception!.Message, Does.Contain("2024-07").And.Contain("2025-12"));
    }

    [Test]
    public void List_Generations_DifferAsTheirDocsSay()
    {
        var old = ApiGeneration.July2024.List;
        var today = ApiGeneration.December2025.List;

        Assert.Multiple(() =>
        {
            Assert.That(old.DefaultStatus, Is.Null);
            Assert.That(today.DefaultStatus, Is.EqualTo(RequestStatus.Completed));
            Assert.That(today.ListedAlone, Is.EquivalentTo(new[] { RequestStatus.Pending, RequestStatus.Processing }));
            Assert.That((old.ReadsSort, today.ReadsSort), Is.EqualTo((true, false)));
            Assert.That((old.DatesOnlyForFinished, today.DatesOnlyForFinished), Is.EqualTo((false, true)));
            Assert.That(today.Statuses, Does.Not.Contain(RequestStatus.CancelledPending));
        });
    }
}
