using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests;

// What a .NET developer sees of the library: names in PascalCase (the JSON names stay on the wire),
// one way to pass a CancellationToken, and the spec's statuses in the one status type.
public partial class PublicSurfaceTests
{
    private static readonly Assembly Library = typeof(UbiOpsClient).Assembly;

    private static IEnumerable<Type> PublicTypes() => Library.GetExportedTypes();

    private static IEnumerable<MemberInfo> PublicMembers() => PublicTypes().SelectMany(t =>
        t.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Where(m => m is not MethodInfo { IsSpecialName: true } and not FieldInfo { IsSpecialName: true })); // accessors, operators, enum value__

    [Test]
    public void PublicNames_HaveNoUnderscore()
    {
        var names = PublicTypes().Select(t => t.FullName!)
            .Concat(PublicMembers().Select(m => $"{m.DeclaringType!.Name}.{m.Name}"))
            .Concat(PublicMembers().OfType<MethodBase>().SelectMany(m => m.GetParameters().Select(p => $"{m.DeclaringType!.Name}.{m.Name}({p.Name})")))
            .Concat(PublicTypes().Where(t => t.IsEnum).SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}")));

        Assert.That(names.Where(n => n.Contains('_')), Is.Empty);
    }

    [Test]
    public void AsyncMethods_EndWithAnOptionalCancellationTokenNamedCancellationToken()
    {
        // RunJournal's methods are callbacks the run makes (it passes no token on purpose: a journal
        // that gave up on a stop would lose the ids a resume needs), not calls users make.
        // DisposeAsync is IAsyncDisposable's, whose shape is fixed.
        var asyncMethods = PublicMembers().OfType<MethodInfo>()
            .Where(m => m.Name.EndsWith("Async", StringComparison.Ordinal) && m.DeclaringType != typeof(RunJournal) && m.Name != nameof(IAsyncDisposable.DisposeAsync)).ToList();

        Assert.That(asyncMethods, Has.Count.GreaterThan(15), "guards against finding nothing");
        Assert.That(asyncMethods.Where(m => m.GetParameters() is not [.., { Name: "cancellationToken", HasDefaultValue: true } last] || last.ParameterType != typeof(CancellationToken))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.Name))})"), Is.Empty);
    }

    [Test]
    public void ModelProperties_ArePascalCaseOfTheirJsonNames()
    {
        var models = PublicTypes().Where(t => t.GetProperties().Any(p => p.GetCustomAttribute<JsonPropertyAttribute>() is not null)).ToList();
        var pairs = models.SelectMany(t => t.GetProperties()
            .Select(p => (Type: t.Name, Property: p.Name, Json: p.GetCustomAttribute<JsonPropertyAttribute>()?.PropertyName))
            .Where(p => p.Json is not null)).ToList();

        Assert.That(models.Select(t => t.Name), Is.SupersetOf(new[]
        {
            nameof(DeploymentRequestCreateResponse), nameof(DeploymentRequestBatchDetail), nameof(DeploymentRequestSingleDetail),
            nameof(DeploymentRequestList), nameof(DeploymentRequestUpdateResponse), nameof(DeploymentRequestOrigin),
        }));
        Assert.That(pairs.Where(p => p.Property != PascalCase(p.Json!)).Select(p => $"{p.Type}.{p.Property} <- {p.Json}"), Is.Empty);
        Assert.That(pairs.Select(p => p.Json), Does.Contain("time_created").And.Contain("error_message").And.Contain("request_data"));
    }

    [Test]
    public void Models_StatusAndPayloadsAreTheTypedMembers()
    {
        // The answer to a cancel: today's docs promise only an object, so its fields may be missing.
        Assert.That(typeof(DeploymentRequestUpdateResponse).GetProperty("Status")!.PropertyType, Is.EqualTo(typeof(RequestStatus?)));
        foreach (var model in new[] { typeof(DeploymentRequestBatchDetail), typeof(DeploymentRequestSingleDetail) })
        {
            Assert.That(model.GetProperty("Status")!.PropertyType, Is.EqualTo(typeof(RequestStatus)), model.Name);
            Assert.That(model.GetProperty("Result")!.PropertyType, Is.EqualTo(typeof(RequestPayload)), model.Name);
            Assert.That(model.GetProperty("RequestData")!.PropertyType, Is.EqualTo(typeof(RequestPayload)), model.Name);
            Assert.That(model.GetProperty("TimeCreated")!.PropertyType, Is.EqualTo(typeof(DateTimeOffset)), model.Name);
            Assert.That(model.GetProperty("TimeStarted")!.PropertyType, Is.EqualTo(typeof(DateTimeOffset?)), model.Name);
        }

        Assert.That(PublicTypes().Where(t => t.Name.Contains("Status", StringComparison.Ordinal) && t != typeof(RequestStatus)), Is.Empty,
            "one status type for users");
    }

    [Test]
    public void Spec_StatusEnum_IsTheKnownStatuses()
    {
        var spec = File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "openapi", "ubiops-deployment-requests.yaml"));
        var line = StatusEnum().Match(spec);

        Assert.That(line.Success, Is.True, "the spec's RequestStatus schema has an enum line");
        Assert.That(line.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries), Is.EqualTo(RequestStatus.Known.Select(s => s.Value)));
    }

    [Test]
    public void Plumbing_IsNotPublic()
    {
        Assert.That(PublicTypes().Select(t => t.Name), Has.None.AnyOf(
            "JsonDefaults", "ConnectionSettings", "UserAgent", "DeploymentRequestsClient", "DeploymentRequestUpdate",
            "RequestInputJsonConverter", "RequestStatusJsonConverter", "RequestPayloadJsonConverter", "ApiDateTimeConverter"));
    }

    private static string PascalCase(string jsonName) =>
        string.Concat(jsonName.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    [GeneratedRegex(@"RequestStatus:\s*\n(?:\s+.*\n)*?\s+enum: \[(?<values>[^\]]+)\]")]
    private static partial Regex StatusEnum();
}
