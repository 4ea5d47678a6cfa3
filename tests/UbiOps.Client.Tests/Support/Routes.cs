namespace UbiOps.Client.Tests.Support;

/// <summary>URLs of the SDK's routes, each under a deployment name unique to the test.</summary>
internal static class Routes
{
    public const string BaseUrl = "https://api.test/v2.1";

    public static string NewDeployment() => "d-" + Guid.NewGuid().ToString("N")[..12];

    public static Uri Requests(string deployment, string suffix = "") =>
        new($"{BaseUrl}/projects/p/deployments/{deployment}/requests{suffix}");

    public static HttpRequestMessage DirectCreate(string deployment, int? timeout = null) =>
        new(HttpMethod.Post, Requests(deployment, timeout is null ? "" : $"?timeout={timeout}")) { Content = new StringContent("{\"input\":1}") };

    public static HttpRequestMessage BatchCreate(string deployment) =>
        new(HttpMethod.Post, Requests(deployment, "/batch")) { Content = new StringContent("[{\"input\":1}]") };

    public static HttpRequestMessage Get(string deployment) => new(HttpMethod.Get, Requests(deployment, "/r-1"));

    /// <summary>A request of the given kind, for tests that run the same rule over many kinds.</summary>
    public static HttpRequestMessage For(string kind, string deployment) => kind switch
    {
        "direct-create" => DirectCreate(deployment),
        "batch-create" => BatchCreate(deployment),
        "collect" => new(HttpMethod.Post, Requests(deployment, "/collect")) { Content = new StringContent("[\"r-1\"]") },
        "batch-delete" => new(HttpMethod.Post, Requests(deployment, "/delete")) { Content = new StringContent("[\"r-1\"]") },
        "get" => Get(deployment),
        "list" => new(HttpMethod.Get, Requests(deployment, "?limit=10")),
        "cancel" => new(HttpMethod.Patch, Requests(deployment, "/r-1")) { Content = new StringContent("{\"status\":\"cancelled\"}") },
        "delete" => new(HttpMethod.Delete, Requests(deployment, "/r-1")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
