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

    [Test]
    public void Generations_WhatEachServesBesideTheList_AsTheirDocsSay()
    {
        var old = ApiGeneration.July2024;
        var today = ApiGeneration.December2025;

        Assert.Multiple(() =>
        {
            Assert.That((old.ReadsPriority, today.ReadsPriority), Is.EqualTo((false, true)), "priority");
            Assert.That((old.ReadsNotificationGroup, today.ReadsNotificationGroup), Is.EqualTo((true, false)), "notification_group");
            Assert.That((old.SendsRetries, today.SendsRetries), Is.EqualTo((true, false)), "retries");
            Assert.That((old.SendsAdditionalData, today.SendsAdditionalData), Is.EqualTo((false, true)), "additional_data");
            Assert.That((old.List.CombinesStatuses, today.List.CombinesStatuses), Is.EqualTo((false, true)), "status=a,b");
            Assert.That((old.List.ReadsDeprecatedFilters, today.List.ReadsDeprecatedFilters), Is.EqualTo((true, false)), "success, pipeline, request_schedule");
            Assert.That(ApiGeneration.Latest, Is.SameAs(today));
            Assert.That(ApiGeneration.All, Is.EqualTo(new[] { old, today }));
        });
    }

    [Test]
    public void Parse_UnknownName_MessageNamesTheGenerationsJoinedByOr()
    {
        var exception = Assert.Throws<FormatException>(() => ApiGeneration.Parse("2023-01"));

        Assert.That(exception!.Message, Is.EqualTo("'2023-01' is not an API generation; use 2024-07 or 2025-12."));
    }

    [TestCase(ApiOperation.DirectCreate, "direct-create")]
    [TestCase(ApiOperation.List, "list")]
    [TestCase(ApiOperation.BatchCreate, "batch-create")]
    [TestCase(ApiOperation.Collect, "collect")]
    [TestCase(ApiOperation.BatchDelete, "batch-delete")]
    [TestCase(ApiOperation.BatchCancel, "batch-cancel")]
    [TestCase(ApiOperation.Get, "get")]
    [TestCase(ApiOperation.Cancel, "cancel")]
    [TestCase(ApiOperation.Delete, "delete")]
    [TestCase(ApiOperation.GetInput, "get-input")]
    [TestCase(ApiOperation.GetOutput, "get-output")]
    public void Name_EachOperation_IsItsNameInLogsAndMetrics(ApiOperation operation, string name)
    {
        var info = ApiOperations.Get(operation);

        Assert.That((info.Name, info.ToString()), Is.EqualTo((name, name)));
    }

    [Test]
    public void Get_Other_ThrowsSayingItIsNotAnOperation()
    {
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => ApiOperations.Get(ApiOperation.Other));

        Assert.That(exception!.Message, Does.StartWith("Not one of the API's operations."));
        Assert.That(exception.ParamName, Is.EqualTo("operation"));
    }

    [Test]
    public void For_Versioned_IsTheExplicitVersionsEndpointOtherwiseTheDefault()
    {
        var info = ApiOperations.Get(ApiOperation.Get);

        Assert.Multiple(() =>
        {
            Assert.That(info.For(versioned: true), Is.SameAs(info.Version));
            Assert.That(info.For(versioned: false), Is.SameAs(info.Default));
            Assert.That((info.Default.Versioned, info.Version.Versioned), Is.EqualTo((false, true)));
        });
    }
}
