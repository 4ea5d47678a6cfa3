using System.Net;

namespace UbiOps.Client.Tests.Support;

/// <summary>The names an operation addresses: project, deployment, version and request id.</summary>
public sealed record ResourceNames(string Project, string Deployment, string Version, string RequestId)
{
    public static ResourceNames Plain { get; } = new("my-project", "echo", "v1", "2f909aeb-5c7e-4974-970d-cd0a6a073aca");
}

/// <summary>
/// One of the 16 operations of the raw client, called with neither optional parameter nor filter,
/// together with the route it must use and a minimal valid success answer.
/// </summary>
public sealed class WireOperation
{
    internal WireOperation(string name, string method, string pathTemplate, HttpStatusCode successStatus, string? successBody,
        Func<DeploymentRequestsClient, ResourceNames, Task> invoke)
    {
        (Name, Method, PathTemplate, SuccessStatus, SuccessBody, Invoke) = (name, method, pathTemplate, successStatus, successBody, invoke);
    }

    public string Name { get; }

    public string Method { get; }

    public string PathTemplate { get; }

    public HttpStatusCode SuccessStatus { get; }

    public string? SuccessBody { get; }

    // Internal: the generated client is internal to the library (the tests see it through InternalsVisibleTo).
    internal Func<DeploymentRequestsClient, ResourceNames, Task> Invoke { get; }

    /// <summary>The path with the given (already escaped) names put into the template.</summary>
    public string Path(ResourceNames escaped) => "/v2.1/" + PathTemplate
        .Replace("{project}", escaped.Project, StringComparison.Ordinal)
        .Replace("{deployment}", escaped.Deployment, StringComparison.Ordinal)
        .Replace("{version}", escaped.Version, StringComparison.Ordinal)
        .Replace("{request}", escaped.RequestId, StringComparison.Ordinal);

    public override string ToString() => Name;
}

/// <summary>The catalogue of all 16 operations, for tests that hold for every one of them.</summary>
internal static class WireOperations
{
    private const string Default = "projects/{project}/deployments/{deployment}/requests";
    private const string Versioned = "projects/{project}/deployments/{deployment}/versions/{version}/requests";

    private const string Created = """{"id":"r1","deployment":"echo","version":"v1","status":"completed","timeout":300}""";
    private const string Detail = """{"id":"r1","deployment":"echo","version":"v1","status":"pending","time_created":"2020-03-28T20:00:26.613+00:00"}""";

    private static readonly RequestInput Input = RequestInput.FromObject(new Dictionary<string, object> { ["input"] = 1 });
    private static readonly string[] Ids = ["r1"];
    private static readonly DeploymentRequestUpdate Cancel = new() { Status = RequestStatus.Cancelled };

    public static IReadOnlyList<WireOperation> All { get; } =
    [
        new("deployment_requests_create", "POST", Default, HttpStatusCode.OK, Created,
            (c, n) => c.Deployment_requests_createAsync(Input, n.Project, n.Deployment)),
        new("deployment_version_requests_create", "POST", Versioned, HttpStatusCode.OK, Created,
            (c, n) => c.Deployment_version_requests_createAsync(Input, n.Project, n.Deployment, n.Version)),
        new("batch_deployment_requests_create", "POST", Default + "/batch", HttpStatusCode.OK, "[]",
            (c, n) => c.Batch_deployment_requests_createAsync([Input], n.Project, n.Deployment)),
        new("batch_deployment_version_requests_create", "POST", Versioned + "/batch", HttpStatusCode.OK, "[]",
            (c, n) => c.Batch_deployment_version_requests_createAsync([Input], n.Project, n.Deployment, n.Version)),
        new("deployment_requests_batch_get", "POST", Default + "/collect", HttpStatusCode.OK, "[]",
            (c, n) => c.Deployment_requests_batch_getAsync(Ids, n.Project, n.Deployment)),
        new("deployment_version_requests_batch_get", "POST", Versioned + "/collect", HttpStatusCode.OK, "[]",
            (c, n) => c.Deployment_version_requests_batch_getAsync(Ids, n.Project, n.Deployment, n.Version)),
        new("deployment_requests_batch_delete", "POST", Default + "/delete", HttpStatusCode.OK, "{}",
            (c, n) => c.Deployment_requests_batch_deleteAsync(Ids, n.Project, n.Deployment)),
        new("deployment_version_requests_batch_delete", "POST", Versioned + "/delete", HttpStatusCode.OK, "{}",
            (c, n) => c.Deployment_version_requests_batch_deleteAsync(Ids, n.Project, n.Deployment, n.Version)),
        new("deployment_requests_get", "GET", Default + "/{request}", HttpStatusCode.OK, Detail,
            (c, n) => c.Deployment_requests_getAsync(n.Project, n.Deployment, n.RequestId)),
        new("deployment_version_requests_get", "GET", Versioned + "/{request}", HttpStatusCode.OK, Detail,
            (c, n) => c.Deployment_version_requests_getAsync(n.Project, n.Deployment, n.Version, n.RequestId)),
        new("deployment_requests_list", "GET", Default, HttpStatusCode.OK, "[]",
            (c, n) => c.Deployment_requests_listAsync(n.Project, n.Deployment)),
        new("deployment_version_requests_list", "GET", Versioned, HttpStatusCode.OK, "[]",
            (c, n) => c.Deployment_version_requests_listAsync(n.Project, n.Deployment, n.Version)),
        new("deployment_requests_update", "PATCH", Default + "/{request}", HttpStatusCode.OK, Detail,
            (c, n) => c.Deployment_requests_updateAsync(Cancel, n.Project, n.Deployment, n.RequestId)),
        new("deployment_version_requests_update", "PATCH", Versioned + "/{request}", HttpStatusCode.OK, Detail,
            (c, n) => c.Deployment_version_requests_updateAsync(Cancel, n.Project, n.Deployment, n.Version, n.RequestId)),
        new("deployment_requests_delete", "DELETE", Default + "/{request}", HttpStatusCode.NoContent, null,
            (c, n) => c.Deployment_requests_deleteAsync(n.Project, n.Deployment, n.RequestId)),
        new("deployment_version_requests_delete", "DELETE", Versioned + "/{request}", HttpStatusCode.NoContent, null,
            (c, n) => c.Deployment_version_requests_deleteAsync(n.Project, n.Deployment, n.Version, n.RequestId)),
    ];

    /// <summary>Test cases named after the operation id, one per operation.</summary>
    public static IEnumerable<TestCaseData> Cases() =>
        All.Select(op => new TestCaseData(op).SetArgDisplayNames(op.Name));

    /// <summary>Sends the operation through the harness after arranging its success answer.</summary>
    public static Task SendAsync(this WireHarness harness, WireOperation operation, ResourceNames? names = null)
    {
        harness.Responds(operation.SuccessStatus, operation.SuccessBody);
        return operation.Invoke(harness.Client, names ?? ResourceNames.Plain);
    }
}
