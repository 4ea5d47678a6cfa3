using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// A UbiOpsClient over MockHttp, with every request that left the client recorded (method, URL as
/// the client built it, body), so tests can assert what was sent, or that nothing was.
/// </summary>
internal sealed class ApiMock : IDisposable
{
    public const string BaseUrl = "https://api.test/v2.1";
    public const string DefaultRequests = BaseUrl + "/projects/proj/deployments/echo/requests";
    public const string VersionRequests = BaseUrl + "/projects/proj/deployments/echo/versions/v2/requests";

    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private readonly HttpClient _httpClient;

    public ApiMock(Action<UbiOpsClientOptions>? configure = null)
    {
        Http.Fallback.Respond(HttpStatusCode.NotImplemented, "application/json", "{\"error\":\"no mock for this call\"}");
        _httpClient = new HttpClient(new RecordingHandler(_sent, Http));
        var options = new UbiOpsClientOptions { Token = "test-token", BaseUrl = BaseUrl };
        configure?.Invoke(options);
        Client = new UbiOpsClient(_httpClient, options);
    }

    public MockHttpMessageHandler Http { get; } = new();

    public UbiOpsClient Client { get; }

    /// <summary>The default version of deployment "echo" in project "proj".</summary>
    public DeploymentScope Echo => Client.Deployment("proj", "echo");

    public IReadOnlyList<SentRequest> Sent => _sent.ToArray();

    public static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) => new(status)
    {
        Content = new StringContent(body is string text ? text : JsonConvert.SerializeObject(body), Encoding.UTF8, "application/json"),
    };

    /// <summary>A request as collect answers it.</summary>
    public static JObject Detail(string id, string status, object? result = null, string? error = null, object? input = null) => new()
    {
        ["id"] = id,
        ["deployment"] = "echo",
        ["version"] = "v1",
        ["status"] = status,
        ["success"] = status == "completed",
        ["time_created"] = "2020-03-28T20:00:26.613+00:00",
        ["time_started"] = null,
        ["time_completed"] = null,
        ["request_data"] = input is null ? null : JToken.FromObject(input),
        ["result"] = result is null ? null : JToken.FromObject(result),
        ["error_message"] = error,
        ["retries"] = 0,
        ["input_size"] = 10,
        ["output_size"] = 10,
    };

    public static JObject Created(string id, string status = "pending") => new()
    {
        ["id"] = id,
        ["deployment"] = "echo",
        ["version"] = "v1",
        ["status"] = status,
        ["time_created"] = "2020-03-28T20:00:26.613+00:00",
    };

    public void Dispose()
    {
        _httpClient.Dispose();
        Http.Dispose();
    }

    private sealed class RecordingHandler(ConcurrentQueue<SentRequest> sent, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            sent.Enqueue(new SentRequest(request.Method, request.RequestUri!.OriginalString, body,
                request.Content?.Headers.ContentType?.MediaType));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}

/// <summary>A request as it left the client.</summary>
internal sealed record SentRequest(HttpMethod Method, string Url, string? Body, string? ContentType)
{
    public JToken BodyJson => JToken.Parse(Body!);
}
