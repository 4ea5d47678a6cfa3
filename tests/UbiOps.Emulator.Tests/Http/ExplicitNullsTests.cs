using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>Answers carry every documented field, null ones as explicit nulls, like the docs' examples.</summary>
public sealed class ExplicitNullsTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // One worker, kept busy by a long sleep: later batch requests stay pending, with null
        // time, result and size fields.
        _emulator = await TestEmulator.StartAsync(o => o.Workers = 1);
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Get_PendingRequest_WritesNullFieldsExplicitly()
    {
        var id = await CreatePendingAsync();

        var detail = JObject.Parse(await _http.GetStringAsync($"{TestEmulator.Deployment(_emulator, "sleep")}/{id}"));

        foreach (var field in new[] { "success", "time_started", "time_completed", "result", "error_message", "notification_group", "output_size" })
        {
            Assert.That(detail.Property(field)?.Value.Type, Is.EqualTo(JTokenType.Null), $"field '{field}' in {detail}");
        }
    }

    [Test]
    public async Task Collect_PendingRequest_WritesNullFieldsExplicitly()
    {
        var id = await CreatePendingAsync();

        using var answer = await _http.PostAsync($"{TestEmulator.Deployment(_emulator, "sleep")}/collect", Body(new JArray(id)));
        var detail = (JObject)JArray.Parse(await answer.Content.ReadAsStringAsync())[0];

        Assert.That(
            new[] { "success", "time_started", "time_completed", "result", "error_message", "output_size" }
                .Select(field => detail.Property(field)?.Value.Type),
            Is.All.EqualTo(JTokenType.Null), detail.ToString());
    }

    [Test]
    public async Task Error_WritesOnlyTheErrorField()
    {
        using var answer = await _http.GetAsync($"{TestEmulator.Deployment(_emulator, "no-such-deployment")}");

        var body = JObject.Parse(await answer.Content.ReadAsStringAsync());

        Assert.That(body.Properties().Select(p => p.Name), Is.EqualTo(new[] { "error" }));
    }

    // The second of two long sleeps: the single worker is busy with a first one, so it stays pending.
    private async Task<string> CreatePendingAsync()
    {
        var batch = new JArray(new JObject { ["seconds"] = 600 }, new JObject { ["seconds"] = 600 });
        using var answer = await _http.PostAsync($"{TestEmulator.Deployment(_emulator, "sleep")}/batch", Body(batch));
        answer.EnsureSuccessStatusCode();
        return (string)JArray.Parse(await answer.Content.ReadAsStringAsync())[1]["id"]!;
    }

    private static StringContent Body(JToken json) => new(json.ToString(), System.Text.Encoding.UTF8, "application/json");
}
