using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>Whatever a deployment returns can be answered: the stored result is read back without limits meant for client input.</summary>
public sealed class ModelMappingTests
{
    private const int Depth = 100; // deeper than the 64 levels a request body may have

    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(o => o
            .AddDeployment("deep", (_, _) => Task.FromResult(Nested(Depth)))
            .AddDeployment("nothing", (_, _) => Task.FromResult<JToken>(JValue.CreateNull())));
        // Plain HTTP and a reader without a depth limit: the generated client (like most JSON readers)
        // stops at 64 levels, which is the client's business; here the server's answer is under test.
        _http = new HttpClient { BaseAddress = new Uri(_emulator.BaseUrl + "/") };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Token", _emulator.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        Assert.That(_emulator.UnexpectedErrors, Is.EqualTo(0));
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task CreateAndGet_ResultNestedDeeperThanRequestLimit_AreAnsweredWithTheResult()
    {
        // Was: a 500 (JsonReaderException) from every answer that carried the result.
        var requests = TestEmulator.Deployment(_emulator, "deep");
        var created = await ReadAsync(await _http.PostAsync(requests, new StringContent("{}", Encoding.UTF8, "application/json")));
        var detail = await ReadAsync(await _http.GetAsync(requests + "/" + created["id"]));

        Assert.That(created["status"]!.Value<string>(), Is.EqualTo("completed"));
        Assert.That(JToken.DeepEquals(created["result"], Nested(Depth)), Is.True);
        Assert.That(JToken.DeepEquals(detail["result"], Nested(Depth)), Is.True);
    }

    [Test]
    public async Task CreateAndGet_DeploymentReturnsNull_AreAnsweredWithANullResult()
    {
        // A handler returning null (or a Python request returning None) stores the result "null".
        var requests = TestEmulator.Deployment(_emulator, "nothing");
        var created = await ReadAsync(await _http.PostAsync(requests, new StringContent("{}", Encoding.UTF8, "application/json")));
        var detail = await ReadAsync(await _http.GetAsync(requests + "/" + created["id"]));

        Assert.That(created["status"]!.Value<string>(), Is.EqualTo("completed"));
        Assert.That(detail["result"]!.Type, Is.EqualTo(JTokenType.Null));
    }

    private static async Task<JToken> ReadAsync(HttpResponseMessage answer)
    {
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        using var reader = new JsonTextReader(new StringReader(text)) { MaxDepth = null };
        return JToken.ReadFrom(reader);
    }

    private static JToken Nested(int depth)
    {
        JToken token = new JValue(1);
        for (var i = 0; i < depth; i++)
        {
            token = new JObject { ["a"] = token };
        }

        return token;
    }
}
