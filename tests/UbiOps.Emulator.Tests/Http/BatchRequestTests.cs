using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class BatchRequestTests
{
    [Test]
    public async Task BatchCreate_DefaultVersion_IsPendingThenCompletedWithResults()
    {
        // The 2024-07 generation: it reads notification_group and sends retries.
        await using var emulator = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.July2024);
        var client = TestEmulator.Client(emulator);

        var created = (await client.Batch_deployment_requests_createAsync(
            [new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], "demo", "echo", notification_group: "team")).ToList();

        Assert.That(created.Select(c => c.Status), Is.All.EqualTo(RequestStatus.Pending));
        Assert.That(created.Select(c => c.Version), Is.All.EqualTo("v1"));
        var done = await Eventually.ReachAsync(
            () => client.Deployment_requests_batch_getAsync(created.Select(c => c.Id), "demo", "echo"),
            list => list.All(r => r.Status == "completed"), "both batch requests complete");
        var first = done.Single(r => r.Id == created[0].Id);
        Assert.Multiple(() =>
        {
            Assert.That(JToken.DeepEquals(Json.Of(first.Result), new JObject { ["n"] = 1 }), Is.True);
            Assert.That(first.TimeStarted, Is.Not.Null);
            Assert.That(first.TimeCompleted!.Value, Is.GreaterThanOrEqualTo(first.TimeStarted!.Value));
            Assert.That(first.Retries, Is.EqualTo(0));
            Assert.That(created.Select(c => emulator.ExecutionCount(c.Id)), Is.All.EqualTo(1));
        });
        var single = await client.Deployment_requests_getAsync("demo", "echo", created[1].Id);
        Assert.That(single.NotificationGroup, Is.EqualTo("team"));
    }

    [Test]
    public async Task BatchCreate_OneWorker_GoesPendingThenProcessingThenCompleted()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);

        var created = (await client.Batch_deployment_requests_createAsync([new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], "demo", "gated")).ToList();
        await gate.WaitStartedAsync();
        var running = await client.Deployment_requests_getAsync("demo", "gated", created[0].Id);
        var waiting = await client.Deployment_requests_getAsync("demo", "gated", created[1].Id);
        gate.Open();
        var done = await Eventually.ReachAsync(
            () => client.Deployment_requests_batch_getAsync(created.Select(c => c.Id), "demo", "gated"),
            list => list.All(r => r.Status == "completed"), "both complete once the gate opens");

        // `success` is deprecated in the spec, but the emulator still sends it like the real service.
#pragma warning disable CS0618
        Assert.Multiple(() =>
        {
            Assert.That((running.Status.Value, running.TimeStarted.HasValue, running.Success), Is.EqualTo(("processing", true, (bool?)null)));
            Assert.That((waiting.Status.Value, waiting.TimeStarted.HasValue), Is.EqualTo(("pending", false)), "one worker runs one request at a time");
            Assert.That(done.Select(r => r.Success), Is.All.True);
            Assert.That(gate.Inputs, Has.Count.EqualTo(2));
        });
#pragma warning restore CS0618
    }

    [Test]
    public async Task BatchCreate_ExplicitVersion_RunsThatVersion()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = TestEmulator.Client(emulator);

        var created = (await client.Batch_deployment_version_requests_createAsync(["a", "b"], "demo", "plain-echo", "v1")).ToList();
        var done = await Eventually.ReachAsync(
            () => client.Deployment_version_requests_batch_getAsync(created.Select(c => c.Id), "demo", "plain-echo", "v1"),
            list => list.All(r => r.Status == "completed"), "the plain batch completes");

        Assert.That(done.Select(r => Json.Of(r.Result).Value<string>()), Is.EquivalentTo(new[] { "a", "b" }));
    }

    [Test]
    public async Task BatchCreate_SingleItemInsteadOfList_IsOneRequest()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = TestEmulator.Raw(emulator);

        var answer = await http.PostAsync(TestEmulator.Deployment(emulator, "echo") + "/batch",
            new StringContent("{\"only\": true}", System.Text.Encoding.UTF8, "application/json"));

        var body = JArray.Parse(await answer.Content.ReadAsStringAsync());
        Assert.That((int)answer.StatusCode, Is.EqualTo(201));
        Assert.That(body, Has.Count.EqualTo(1));
        Assert.That(body[0]["status"]!.Value<string>(), Is.EqualTo("pending"));
    }

    [Test]
    public async Task BatchCreate_OneBadItem_RejectsTheWholeCall()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = TestEmulator.Client(emulator);

        var error = Assert.CatchAsync<UbiOpsApiException>(() =>
            client.Batch_deployment_requests_createAsync([new JObject(), "not an object", new JObject()], "demo", "echo"));

        Assert.That(error!.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error, Does.Contain("Item 1").And.Contain("structured"));
        Assert.That(await client.Deployment_requests_listAsync("demo", "echo"), Is.Empty, "nothing was stored");
    }

    [Test]
    public async Task BatchCreate_250Items_AreAcceptedAnd251Rejected()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = TestEmulator.Client(emulator);

        var accepted = await client.Batch_deployment_requests_createAsync(Enumerable.Range(0, 250).Select(i => (RequestInput)$"p{i}"), "demo", "plain-echo");
        var error = Assert.CatchAsync<UbiOpsApiException>(() =>
            client.Batch_deployment_requests_createAsync(Enumerable.Range(0, 251).Select(i => (RequestInput)$"p{i}"), "demo", "plain-echo"));

        Assert.That(accepted, Has.Count.EqualTo(250));
        Assert.That(error!.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error, Does.Contain("250"));
    }

    [Test]
    public async Task BatchTimeout_ClockStartsWhenProcessingStarts()
    {
        // One worker and three 0.3 s sleeps: the last one starts processing ~0.6 s after creation,
        // later than its 0.5 s timeout (10 × 50 ms) would allow if the clock started at creation.
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.TimeoutUnit = TimeSpan.FromMilliseconds(50); });
        var client = TestEmulator.Client(emulator);

        var created = await client.Batch_deployment_requests_createAsync(
            Enumerable.Range(0, 3).Select(_ => (RequestInput)new JObject { ["seconds"] = 0.3 }), "demo", "sleep", timeout: 10);
        var done = await Eventually.ReachAsync(
            () => client.Deployment_requests_batch_getAsync(created.Select(c => c.Id), "demo", "sleep"),
            list => list.All(r => r.Status.IsTerminal), "the sleeps finish");

        Assert.That(done.Select(r => r.Status), Is.All.EqualTo(RequestStatus.Completed));
        Assert.That(done.Max(r => r.TimeStarted!.Value) - done.Min(r => r.TimeCreated), Is.GreaterThan(TimeSpan.FromMilliseconds(500)),
            "the last request waited longer than its timeout before it started");
    }

    [Test]
    public async Task BatchTimeout_LongerThanTimeout_FailsWithTimeoutMessage()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.TimeoutUnit = TimeSpan.FromMilliseconds(20));
        var client = TestEmulator.Client(emulator);

        var created = await client.Batch_deployment_requests_createAsync([new JObject { ["seconds"] = 30 }], "demo", "sleep", timeout: 10);
        var done = await Eventually.ReachAsync(
            () => client.Deployment_requests_getAsync("demo", "sleep", created.Single().Id),
            r => r.Status != "pending" && r.Status != "processing", "the sleep times out");

        Assert.That(done.Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(done.ErrorMessage, Does.Contain("timeout").IgnoreCase);
    }
}
