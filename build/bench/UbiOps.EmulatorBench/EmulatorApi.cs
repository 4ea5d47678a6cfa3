using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace UbiOps.EmulatorBench;

/// <summary>The two calls the benchmark makes (batch create, collect), as plain HTTP.</summary>
internal sealed class EmulatorApi(string baseUrl, string token, string project, string deployment)
{
    private readonly HttpClient _http = CreateHttp(baseUrl, token);
    private readonly string _requests = $"projects/{project}/deployments/{deployment}/requests";

    /// <summary>Creates the batch in <paramref name="body"/> (a JSON list); answers the new ids.</summary>
    public async Task<List<string>> CreateBatchAsync(byte[] body)
    {
        using var response = await _http.PostAsync($"{_requests}/batch", Json(body));
        var answer = await ReadAsync(response);
        return answer.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()!).ToList();
    }

    /// <summary>Reads the requests with these ids (at most 250).</summary>
    public async Task<List<RequestTimes>> CollectAsync(IReadOnlyCollection<string> ids)
    {
        using var response = await _http.PostAsync($"{_requests}/collect", Json(JsonSerializer.SerializeToUtf8Bytes(ids)));
        var answer = await ReadAsync(response);
        return answer.RootElement.EnumerateArray().Select(RequestTimes.From).ToList();
    }

    private static HttpClient CreateHttp(string baseUrl, string token)
    {
        var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", token);
        return http;
    }

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    private static async Task<JsonDocument> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {response.RequestMessage?.RequestUri}: {text}");
        }

        return JsonDocument.Parse(text);
    }
}
