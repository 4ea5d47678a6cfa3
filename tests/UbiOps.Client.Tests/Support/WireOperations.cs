using System.Net;
using System.Reflection;

namespace UbiOps.Client.Tests.Support;

/// <summary>The names an operation addresses: project, deployment, version and request id.</summary>
public sealed record ResourceNames(string Project, string Deployment, string Version, string RequestId)
{
    public static ResourceNames Plain { get; } = new("my-project", "echo", "v1", "2f909aeb-5c7e-4974-970d-cd0a6a073aca");
}

/// <summary>
/// One of the 22 operations of the raw client (an endpoint of <see cref="ApiOperations"/>), called
/// with neither optional parameter nor filter, with a minimal valid success answer.
/// </summary>
public sealed class WireOperation
{
    internal WireOperation(ApiEndpoint endpoint) => Endpoint = endpoint;

    public ApiEndpoint Endpoint { get; }

    public string Name => Endpoint.OperationId;

    public string Method => Endpoint.Info.Method.Method;

    /// <summary>A minimal valid answer of the operation: its status, body and media type.</summary>
    public (HttpStatusCode Status, string? Body, string MediaType) Success => Endpoint.Info.Operation switch
    {
        ApiOperation.DirectCreate => (HttpStatusCode.OK, """{"id":"r1","deployment":"echo","version":"v1","status":"completed","timeout":300}""", "application/json"),
        ApiOperation.Get or ApiOperation.Cancel => (HttpStatusCode.OK, Detail, "application/json"),
        ApiOperation.BatchCreate or ApiOperation.Collect or ApiOperation.List => (HttpStatusCode.OK, "[]", "application/json"),
        ApiOperation.BatchDelete or ApiOperation.BatchCancel => (HttpStatusCode.OK, "{}", "application/json"),
        ApiOperation.GetInput or ApiOperation.GetOutput => (HttpStatusCode.OK, """{"input":1}""", "application/json"),
        ApiOperation.Delete => (HttpStatusCode.NoContent, null, "application/json"),
        _ => throw new ArgumentOutOfRangeException(nameof(Endpoint), Endpoint, "An operation this catalogue has no answer for."),
    };

    /// <summary>The path with the given (already escaped) names put into the template.</summary>
    public string Path(ResourceNames escaped) => ApiRoutes.BasePath + Endpoint.PathTemplate
        .Replace("{project_name}", escaped.Project, StringComparison.Ordinal)
        .Replace("{deployment_name}", escaped.Deployment, StringComparison.Ordinal)
        .Replace("{version}", escaped.Version, StringComparison.Ordinal)
        .Replace("{request_id}", escaped.RequestId, StringComparison.Ordinal);

    /// <summary>
    /// Calls the generated method the spec names (<c>deployment_requests_create</c> is
    /// <c>Deployment_requests_createAsync</c>) with the names and, where it takes one, a minimal body.
    /// </summary>
    internal async Task InvokeAsync(DeploymentRequestsClient client, ResourceNames names)
    {
        var method = typeof(DeploymentRequestsClient).GetMethod(char.ToUpperInvariant(Name[0]) + Name[1..] + "Async", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"The generated client has no method for '{Name}'.");
        var arguments = method.GetParameters().Select(p => p.Name switch
        {
            "project_name" => names.Project,
            "deployment_name" => names.Deployment,
            "version" => names.Version,
            "request_id" => names.RequestId,
            "data" => Body(),
            _ => p.HasDefaultValue ? p.DefaultValue : throw new InvalidOperationException($"'{Name}' has a parameter '{p.Name}' this catalogue cannot fill."),
        }).ToArray();
        var call = (Task)method.Invoke(client, arguments)!;
        await call;
        // A file answer holds the response open.
        (call.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(call) as IDisposable)?.Dispose();
    }

    private object Body() => Endpoint.Info.Operation switch
    {
        ApiOperation.DirectCreate => Input,
        ApiOperation.BatchCreate => new[] { Input },
        ApiOperation.Collect or ApiOperation.BatchDelete or ApiOperation.BatchCancel => new[] { "r1" },
        ApiOperation.Cancel => new DeploymentRequestUpdate { Status = RequestStatus.Cancelled },
        _ => throw new InvalidOperationException($"'{Name}' takes no body."),
    };

    private const string Detail = """{"id":"r1","deployment":"echo","version":"v1","status":"pending","time_created":"2020-03-28T20:00:26.613+00:00"}""";

    private static readonly RequestInput Input = RequestInput.FromObject(new Dictionary<string, object> { ["input"] = 1 });

    public override string ToString() => Name;
}

/// <summary>The catalogue of all 22 operations, taken from the table, for tests that hold for every one of them.</summary>
internal static class WireOperations
{
    public static IReadOnlyList<WireOperation> All { get; } = ApiOperations.Endpoints.Select(e => new WireOperation(e)).ToArray();

    /// <summary>Test cases named after the operation id, one per operation.</summary>
    public static IEnumerable<TestCaseData> Cases() =>
        All.Select(op => new TestCaseData(op).SetArgDisplayNames(op.Name));

    /// <summary>Sends the operation through the harness after arranging its success answer.</summary>
    public static Task SendAsync(this WireHarness harness, WireOperation operation, ResourceNames? names = null)
    {
        var (status, body, mediaType) = operation.Success;
        harness.Responds(status, body, mediaType);
        return operation.InvokeAsync(harness.Client, names ?? ResourceNames.Plain);
    }
}
