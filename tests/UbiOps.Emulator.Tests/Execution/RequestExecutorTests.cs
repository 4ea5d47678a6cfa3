using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Execution;

/// <summary>The deployment code receives the request data exactly as the client sent it.</summary>
public sealed class RequestExecutorTests
{
    private const string DateLike = "2020-03-28T20:00:26.613+01:00";

    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(o => o.AddDeployment(
            "type-of", (input, _) => Task.FromResult<JToken>(new JObject { ["type"] = input["value"]!.Type.ToString() })));
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [TestCase("echo", "{\"when\":\"" + DateLike + "\"}")]
    [TestCase("plain-echo", "\"" + DateLike + "\"")]
    public async Task Run_DateLikeString_IsEchoedUnchanged(string deployment, string body)
    {
        var result = await CreateAsync(deployment, body);

        // Was: the stored data was re-read with date parsing on, so the string came back converted
        // to the machine's time zone and another format ("2020-03-28T19:00:26.613+00:00" on UTC).
        Assert.That(result.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(body));
    }

    [Test]
    public async Task Run_DateLikeString_ReachesTheHandlerAsAString()
    {
        var result = await CreateAsync("type-of", "{\"value\":\"" + DateLike + "\"}");

        Assert.That(result["type"]!.Value<string>(), Is.EqualTo("String"), "a JSON string is a string, never a Date token");
    }

    // Was: never cancelled. The wait for the code ended on the timeout and disposed the code's token
    // source before that source saw the timeout, so code that honours its token ran on (and a
    // Python worker stayed busy with it for good).
    [Test]
    public async Task Run_HandlerOutlivesTimeout_ItsTokenIsCancelled()
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var emulator = await TestEmulator.StartAsync(o =>
        {
            o.TimeoutUnit = TimeSpan.FromMilliseconds(20);
            o.AddDeployment("hang", async (_, ct) =>
            {
                using var signal = ct.Register(cancelled.SetResult);
                await Task.Delay(Timeout.Infinite, ct);
                return new JObject();
            });
        });
        using var http = TestEmulator.Raw(emulator);

        var answer = await http.PostAsync(TestEmulator.Deployment(emulator, "hang") + "?timeout=10", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.That(Json.Parse(await answer.Content.ReadAsStringAsync())["error_message"]!.Value<string>(), Does.StartWith("Timeout"));
        Assert.That(await Task.WhenAny(cancelled.Task, Task.Delay(TimeSpan.FromSeconds(10))), Is.SameAs(cancelled.Task), "the handler's token was cancelled");
    }

    private async Task<JToken> CreateAsync(string deployment, string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, deployment), content);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), text);
        var parsed = Json.Parse(text);
        Assert.That(parsed["status"]!.Value<string>(), Is.EqualTo("completed"), text);
        return parsed["result"]!;
    }
}
