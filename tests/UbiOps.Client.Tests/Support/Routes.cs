namespace UbiOps.Client.Tests.Support;

/// <summary>
/// Request messages for the SDK's routes, each under a deployment name unique to the test, stamped
/// with their operation (and timeout) as the generated client stamps them.
/// </summary>
internal static class Routes
{
    public const string BaseUrl = "https://api.test/v2.1";

    public static string NewDeployment() => "d-" + Guid.NewGuid().ToString("N")[..12];

    public static Uri Requests(string deployment, string suffix = "") =>
        new($"{BaseUrl}/projects/p/deployments/{deployment}/requests{suffix}");

    public static HttpRequestMessage DirectCreate(string deployment, int? timeout = null) =>
        Stamped(new(HttpMethod.Post, Requests(deployment, timeout is null ? "" : $"?timeout={timeout}")) { Content = new StringContent("{\"input\":1}") },
            ApiOperation.DirectCreate, timeout);

    public static HttpRequestMessage BatchCreate(string deployment) =>
        Stamped(new(HttpMethod.Post, Requests(deployment, "/batch")) { Content = new StringContent("[{\"input\":1}]") }, ApiOperation.BatchCreate);

    public static HttpRequestMessage Get(string deployment) => Stamped(new(HttpMethod.Get, Requests(deployment, "/r-1")), ApiOperation.Get);

    /// <summary>A request of the operation with this name (<see cref="ApiOperationInfo.Name"/>), for tests that run the same rule over many.</summary>
    public static HttpRequestMessage For(string name, string deployment)
    {
        var operation = ApiOperations.All.Single(o => o.Name == name);
        var path = operation.Default.PathTemplate
            .Replace("{project_name}", "p", StringComparison.Ordinal)
            .Replace("{deployment_name}", deployment, StringComparison.Ordinal)
            .Replace("{request_id}", "r-1", StringComparison.Ordinal);
        var request = new HttpRequestMessage(operation.Method, BaseUrl + path);
        if (operation.Method == HttpMethod.Post || operation.Method == HttpMethod.Patch)
        {
            request.Content = new StringContent(operation.Kind == ApiOperationKind.Create ? "[{\"input\":1}]" : "[\"r-1\"]");
        }

        return Stamped(request, operation.Operation);
    }

    /// <summary>The names of the operations that are safe to repeat (reads, cancels, deletes), as test cases.</summary>
    public static IEnumerable<string> SafeToRepeat() => ApiOperations.All.Where(o => o.IsSafeToRepeat).Select(o => o.Name);

    private static HttpRequestMessage Stamped(HttpRequestMessage request, ApiOperation operation, int? timeout = null)
    {
        ApiCall.Stamp(request, ApiOperations.Get(operation).Default, timeout);
        return request;
    }
}
