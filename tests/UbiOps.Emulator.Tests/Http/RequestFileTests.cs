using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>The input and the output of a request as files (today's service): JSON or text, with a file name.</summary>
public sealed class RequestFileTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync(o => o.AddDeployment("nothing", (_, _) => Task.FromResult<JToken>(JValue.CreateNull())));
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        Assert.That(_emulator.UnexpectedErrors, Is.Zero);
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Input_StructuredRequest_IsItsJsonAsAFile([Values] bool explicitVersion)
    {
        var created = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "echo"), JObject.Parse("""{"city": "Delft", "t": 21.5, "é": [1, 2]}"""));

        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo", explicitVersion ? "v1" : null) + $"/{created["id"]}/input");

        Assert.Multiple(async () =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(answer.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/json"));
            Assert.That(answer.Content.Headers.ContentDisposition?.ToString(), Is.EqualTo("attachment; filename=\"input.json\""), "quoted, as clients parse it");
            Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("""{"city":"Delft","t":21.5,"é":[1,2]}"""));
        });
    }

    [Test]
    public async Task InputAndOutput_PlainRequest_AreItsTextAsFiles()
    {
        var created = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "plain-echo"), new JValue("héllo\nworld"));
        var requests = TestEmulator.Deployment(_emulator, "plain-echo");

        var input = await _http.GetAsync(requests + $"/{created["id"]}/input");
        var output = await _http.GetAsync(requests + $"/{created["id"]}/output");

        Assert.Multiple(async () =>
        {
            Assert.That(input.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/plain; charset=utf-8"));
            Assert.That(input.Content.Headers.ContentDisposition?.ToString(), Is.EqualTo("attachment; filename=\"input.txt\""));
            Assert.That(await input.Content.ReadAsStringAsync(), Is.EqualTo("héllo\nworld"));
            Assert.That(output.Content.Headers.ContentDisposition?.ToString(), Is.EqualTo("attachment; filename=\"output.txt\""));
            Assert.That(await output.Content.ReadAsStringAsync(), Is.EqualTo("héllo\nworld"));
        });
    }

    [Test]
    public async Task Output_CompletedRequest_IsItsResult()
    {
        var client = TestEmulator.Client(_emulator);
        var created = await client.Deployment_version_requests_createAsync(new JObject { ["n"] = 7 }, "demo", "echo", "v1");

        using var file = await client.Deployment_version_requests_output_getAsync("demo", "echo", "v1", created.Id);
        using var reader = new StreamReader(file.Stream, Encoding.UTF8);

        Assert.That(await reader.ReadToEndAsync(), Is.EqualTo("""{"n":7}"""));
    }

    [Test]
    public async Task Output_DeploymentReturnedNothing_IsJsonNull()
    {
        var created = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "nothing"), new JObject());

        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "nothing") + $"/{created["id"]}/output");

        Assert.That(await answer.Content.ReadAsStringAsync(), Is.EqualTo("null"));
    }

    [Test]
    public async Task Output_PendingOrFailed_Is404SayingWhy()
    {
        var sleeping = (await ApiCalls.CreateBatchAsync(_http, TestEmulator.Deployment(_emulator, "sleep"), [new JObject { ["seconds"] = 60 }]))[0]["id"];
        var failed = (await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "fail"), new JObject()))["id"];

        var pending = await _http.GetAsync(TestEmulator.Deployment(_emulator, "sleep") + $"/{sleeping}/output");
        var ended = await _http.GetAsync(TestEmulator.Deployment(_emulator, "fail") + $"/{failed}/output");

        Assert.Multiple(async () =>
        {
            Assert.That((pending.StatusCode, ended.StatusCode), Is.EqualTo((HttpStatusCode.NotFound, HttpStatusCode.NotFound)));
            Assert.That(Json.Parse(await pending.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("no output yet"));
            Assert.That(Json.Parse(await ended.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("ended failed"));
        });
    }

    [Test]
    public async Task Input_UnknownRequest_Is404()
    {
        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, "echo") + $"/{Guid.NewGuid()}/input");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
