using System.Text;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// API calls as JSON in and JSON out, for tests that read answers by their wire field names
/// (<c>status</c>, <c>result</c>, <c>error_message</c>, <c>retries</c>) rather than through models.
/// </summary>
internal static class ApiCalls
{
    public static async Task<JObject> CreateAsync(HttpClient http, string requests, JToken data, string query = "")
    {
        var answer = await http.PostAsync(requests + query, Json(data));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        return (JObject)Support.Json.Parse(text);
    }

    public static async Task<JArray> CreateBatchAsync(HttpClient http, string requests, JArray items, string query = "")
    {
        var answer = await http.PostAsync(requests + "/batch" + query, Json(items));
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(201), text);
        return (JArray)Support.Json.Parse(text);
    }

    public static async Task<JObject> GetAsync(HttpClient http, string requests, string id)
    {
        var answer = await http.GetAsync(requests + "/" + id);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        return (JObject)Support.Json.Parse(text);
    }

    /// <summary>Waits until a batch request has ended (completed, failed or cancelled).</summary>
    public static Task<JObject> WaitForEndAsync(HttpClient http, string requests, string id) =>
        Eventually.ReachAsync(() => GetAsync(http, requests, id),
            r => new RequestStatus(r.Value<string>("status")!).IsTerminal, $"request {id} ends");

    private static StringContent Json(JToken data) => new(data.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
}
