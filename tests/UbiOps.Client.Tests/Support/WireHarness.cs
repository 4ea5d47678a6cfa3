using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// A raw client over MockHttp that records every request it sends and answers each with one
/// canned response. Nothing leaves the process.
/// </summary>
internal sealed class WireHarness : IDisposable
{
    public const string BaseUrl = "http://ubiops.test/v2.1";

    private readonly MockHttpMessageHandler _handler = new();
    private readonly HttpClient _httpClient;
    private readonly List<RecordedRequest> _requests = [];
    private HttpStatusCode _status = HttpStatusCode.OK;
    private string? _body = "{}";
    private string _mediaType = "application/json";

    public WireHarness(string token = "abc")
    {
        _handler.When("*").Respond(AnswerAsync);
        _httpClient = _handler.ToHttpClient();
        Client = new DeploymentRequestsClient(_httpClient, new UbiOpsClientOptions { Token = token, BaseUrl = BaseUrl });
    }

    public DeploymentRequestsClient Client { get; }

    /// <summary>The only request sent so far (fails when there were none or several).</summary>
    public RecordedRequest Request => _requests.Count == 1
        ? _requests[0]
        : throw new InvalidOperationException($"Expected exactly one request, but {_requests.Count} were sent.");

    /// <summary>How many requests reached the (mock) network.</summary>
    public int RequestCount => _requests.Count;

    /// <summary>Answers every following request with this status and body (<see langword="null"/>: no content).</summary>
    public WireHarness Responds(HttpStatusCode status, string? body, string mediaType = "application/json")
    {
        _status = status;
        _body = body;
        _mediaType = mediaType;
        return this;
    }

    public void Dispose()
    {
        _httpClient.Dispose();
        _handler.Dispose();
    }

    private async Task<HttpResponseMessage> AnswerAsync(HttpRequestMessage request)
    {
        // Read everything now: the generated client disposes the request after sending it.
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync();
        _requests.Add(new RecordedRequest(
            request.Method.Method,
            request.RequestUri!,
            request.Headers.NonValidated.ToDictionary(h => h.Key, h => h.Value.ToArray(), StringComparer.OrdinalIgnoreCase),
            request.Content?.Headers.ContentType,
            body,
            ApiCall.Of(request)));

        var response = new HttpResponseMessage(_status);
        if (_body is not null)
        {
            response.Content = new StringContent(_body, Encoding.UTF8, _mediaType);
        }

        return response;
    }
}

/// <summary>What the client put on the wire for one request.</summary>
internal sealed record RecordedRequest(
    string Method,
    Uri Uri,
    IReadOnlyDictionary<string, string[]> Headers,
    MediaTypeHeaderValue? ContentType,
    string? Body,
    ApiCall? Call)
{
    /// <summary>The request target as written on the request line: escaped path and query.</summary>
    public string PathAndQuery => Uri.PathAndQuery;

    /// <summary>The escaped query including its leading '?', or empty when there is none.</summary>
    public string Query => Uri.Query;

    /// <summary>All values of a request header, or an empty array when it was not sent.</summary>
    public string[] Header(string name) => Headers.TryGetValue(name, out var values) ? values : [];
}
