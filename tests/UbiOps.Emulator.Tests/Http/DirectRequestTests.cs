using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class DirectRequestTests
{
    private UbiOpsEmulator _emulator = null!;
    private DeploymentRequestsClient _client = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // One API timeout second lasts 20 ms here, so the smallest timeout (10) is 200 ms.
        _emulator = await TestEmulator.StartAsync(o => o.TimeoutUnit = TimeSpan.FromMilliseconds(20));
        _client = TestEmulator.Client(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Create_StructuredEchoOnDefaultVersion_CompletesWithInputAsResult()
    {
        var response = await _client.Deployment_requests_createAsync(new JObject { ["x"] = 5.5, ["y"] = "N" }, "demo", "echo");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(response.Deployment, Is.EqualTo("echo"));
            Assert.That(response.Version, Is.EqualTo("v1"), "v1 is echo's default version");
            Assert.That(JToken.DeepEquals(Json.Of(response.Result), new JObject { ["x"] = 5.5, ["y"] = "N" }), Is.True);
            Assert.That(response.ErrorMessage, Is.Null);
            Assert.That(response.Timeout, Is.EqualTo(300), "the documented default timeout");
            Assert.That(_emulator.ExecutionCount(response.Id), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task Create_ExplicitVersion_RunsThatVersion()
    {
        var response = await _client.Deployment_version_requests_createAsync(new JObject { ["a"] = 1 }, "demo", "echo", "v2", timeout: 60);

        Assert.That((response.Version, response.Status.Value, response.Timeout), Is.EqualTo(("v2", "completed", 60)));
    }

    [Test]
    public async Task Create_PlainAsJsonString_CompletesWithString()
    {
        var response = await _client.Deployment_requests_createAsync("héllo", "demo", "plain-echo");

        Assert.That(Json.Of(response.Result).Value<string>(), Is.EqualTo("héllo"));
    }

    [Test]
    public async Task Create_PlainAsTextPlain_IsTakenAsOneString()
    {
        using var http = TestEmulator.Raw(_emulator);
        var answer = await http.PostAsync(TestEmulator.Deployment(_emulator, "plain-echo"), new StringContent("{not json}", Encoding.UTF8, "text/plain"));

        var body = JObject.Parse(await answer.Content.ReadAsStringAsync());
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(body["result"]!.Value<string>(), Is.EqualTo("{not json}"), "text/plain is raw text, never parsed as JSON");
    }

    [Test]
    public async Task Create_ListForRequestsFunction_IsOneRequestWithListResult()
    {
        // The SDK's RequestInput is one input; a list (for a deployment's `requests` function) goes raw.
        var input = new JArray(new JObject { ["i"] = 1 }, new JObject { ["i"] = 2 });
        using var http = TestEmulator.Raw(_emulator);

        using var answer = await http.PostAsync(TestEmulator.Deployment(_emulator, "echo"),
            new StringContent(input.ToString(), System.Text.Encoding.UTF8, "application/json"));
        var response = Json.Parse(await answer.Content.ReadAsStringAsync());
        var detail = await _client.Deployment_requests_getAsync("demo", "echo", response["id"]!.Value<string>()!);

        Assert.That(JToken.DeepEquals(response["result"], input), Is.True);
        Assert.That(JToken.DeepEquals(Json.Of(detail.RequestData), input), Is.True);
    }

    [Test]
    public async Task Create_FailingDeployment_AnswersSuccessWithFailedStatus()
    {
        var response = await _client.Deployment_requests_createAsync(new JObject(), "demo", "fail");

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(RequestStatus.Failed));
            Assert.That(response.ErrorMessage, Does.Contain("always fails"));
            Assert.That(response.Result, Is.Null);
        });
    }

    [Test]
    public async Task Create_SleepWithinTimeout_AnswersSlept()
    {
        var response = await _client.Deployment_requests_createAsync(new JObject { ["seconds"] = 0.05 }, "demo", "sleep");

        Assert.That(response.Status, Is.EqualTo(RequestStatus.Completed));
        Assert.That(JToken.DeepEquals(Json.Of(response.Result), new JObject { ["slept"] = 0.05 }), Is.True);
    }

    [Test]
    public async Task Create_SleepLongerThanTimeout_FailsWithTimeoutMessage()
    {
        // timeout=10 lasts 200 ms in this emulator; the sleep asks for 30 s.
        var response = await _client.Deployment_requests_createAsync(new JObject { ["seconds"] = 30 }, "demo", "sleep", timeout: 10);
        var detail = await _client.Deployment_requests_getAsync("demo", "sleep", response.Id);

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(RequestStatus.Failed));
            Assert.That(response.ErrorMessage, Does.Contain("timeout").IgnoreCase.And.Contain("10 seconds"));
            Assert.That(detail.Status, Is.EqualTo(RequestStatus.Failed), "the stored request failed too");
            Assert.That(detail.TimeCompleted, Is.Not.Null);
        });
    }

    [Test]
    public async Task Create_SleepWithBadInput_FailsInTheDeploymentNotAs400()
    {
        var response = await _client.Deployment_requests_createAsync(new JObject { ["seconds"] = "soon" }, "demo", "sleep");

        Assert.That(response.Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(response.ErrorMessage, Does.Contain("seconds"));
    }

    [Test]
    public async Task Create_Sizes_AreUtf8JsonBytes()
    {
        var response = await _client.Deployment_requests_createAsync("é", "demo", "plain-echo");
        var detail = await _client.Deployment_requests_getAsync("demo", "plain-echo", response.Id);

        // "é" as JSON is the 4 bytes "\"é\"" (é is 2 bytes in UTF-8).
        Assert.That((detail.InputSize, detail.OutputSize), Is.EqualTo((4L, 4L)));
    }
}
