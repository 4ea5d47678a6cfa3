using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>Batch cancel (today's service): a list of ids all or nothing, or every pending or every processing request.</summary>
public sealed class BatchCancelTests
{
    [Test]
    public async Task BatchCancel_PendingAndProcessingIds_PendingCancelledAtOnceProcessingStopped([Values] bool explicitVersion)
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        var ids = (await client.Batch_deployment_requests_createAsync([new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], "demo", "gated")).Select(r => r.Id).ToList();
        await gate.WaitStartedAsync(); // the only worker holds the first; the second waits pending

        var answer = explicitVersion
            ? await client.Deployment_version_requests_batch_cancelAsync("demo", "gated", "v1", null, ids)
            : await client.Deployment_requests_batch_cancelAsync("demo", "gated", null, ids);
        var pending = await client.Deployment_requests_getAsync("demo", "gated", ids[1]);
        var stopped = await Eventually.ReachAsync(
            () => client.Deployment_requests_getAsync("demo", "gated", ids[0]), r => r.Status == RequestStatus.Cancelled, "the running request is cancelled");

        Assert.Multiple(() =>
        {
            Assert.That(JObject.FromObject(answer)["cancelled"]!.Value<int>(), Is.EqualTo(2));
            Assert.That(pending.Status, Is.EqualTo(RequestStatus.Cancelled));
            Assert.That(stopped.Result, Is.Null);
            Assert.That(gate.Cancelled, Is.EqualTo(1), "the running handler saw its token cancelled");
            Assert.That(emulator.ExecutionCount(ids[1]), Is.Zero, "the cancelled pending request never ran");
        });
    }

    [Test]
    public async Task BatchCancel_OneUnknownId_Is400NamingItAndCancelsNothing()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Workers = 1);
        var client = TestEmulator.Client(emulator);
        var id = (await client.Batch_deployment_requests_createAsync([new JObject { ["seconds"] = 60 }, new JObject { ["seconds"] = 60 }], "demo", "sleep")).Last().Id;
        var unknown = Guid.NewGuid().ToString();

        var error = Assert.ThrowsAsync<UbiOpsApiException<ErrorResponse>>(() => client.Deployment_requests_batch_cancelAsync("demo", "sleep", null, [id, unknown]));
        var after = await client.Deployment_requests_getAsync("demo", "sleep", id);

        Assert.Multiple(() =>
        {
            Assert.That(error!.StatusCode, Is.EqualTo(400));
            Assert.That(error.Error, Does.Contain(unknown).And.Contain("Nothing was cancelled"));
            Assert.That(after.Status, Is.EqualTo(RequestStatus.Pending));
        });
    }

    [Test]
    public async Task BatchCancel_StatusPending_CancelsEveryPendingRequestOfThatVersionOnly()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync, DeploymentInputType.Structured, "v1", "v2"); });
        var client = TestEmulator.Client(emulator);
        var v1 = (await client.Batch_deployment_version_requests_createAsync(Inputs(3), "demo", "gated", "v1")).Select(r => r.Id).ToList();
        await gate.WaitStartedAsync();
        var v2 = (await client.Batch_deployment_version_requests_createAsync(Inputs(2), "demo", "gated", "v2")).Select(r => r.Id).ToList();

        await client.Deployment_version_requests_batch_cancelAsync("demo", "gated", "v1", RequestStatus.Pending, []);

        var statuses = (await client.Deployment_version_requests_batch_getAsync(v1, "demo", "gated", "v1")).ToDictionary(r => r.Id, r => r.Status);
        var others = await client.Deployment_version_requests_batch_getAsync(v2, "demo", "gated", "v2");
        Assert.Multiple(() =>
        {
            Assert.That(statuses[v1[0]], Is.EqualTo(RequestStatus.Processing), "a processing request is not pending");
            Assert.That(new[] { statuses[v1[1]], statuses[v1[2]] }, Has.All.EqualTo(RequestStatus.Cancelled));
            Assert.That(others.Select(r => r.Status), Has.All.EqualTo(RequestStatus.Pending), "another version's requests are not touched");
        });
        gate.Open();
    }

    [Test]
    public async Task BatchCancel_StatusProcessing_StopsTheRunningRequests()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 2; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        var ids = (await client.Batch_deployment_requests_createAsync(Inputs(3), "demo", "gated")).Select(r => r.Id).ToList();
        await gate.WaitStartedAsync(2);

        await client.Deployment_requests_batch_cancelAsync("demo", "gated", RequestStatus.Processing, []);

        var ended = await Eventually.ReachAsync(() => client.Deployment_requests_batch_getAsync(ids.Take(2), "demo", "gated"),
            list => list.All(r => r.Status == RequestStatus.Cancelled), "the two running requests are cancelled");
        Assert.That(ended.Select(r => r.Result), Has.All.Null);
        gate.Open();
    }

    [TestCase("?status=completed", "[]", "status")]
    [TestCase("?status=cancelled_pending", "", "status")]
    [TestCase("?status=pending", "[\"2f909aeb-5c7e-4974-970d-cd0a6a073aca\"]", "body must be empty")]
    [TestCase("", "", "list of request ids")]
    [TestCase("", "[]", "list is empty")]
    [TestCase("", "{\"ids\": []}", "list of request ids")]
    [TestCase("", "[\"not-a-uuid\"]", "not a valid request id")]
    public async Task BatchCancel_BadCall_Is400NamingWhatIsWrong(string query, string body, string expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = TestEmulator.Raw(emulator);
        using var content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json");

        var answer = await http.PostAsync(TestEmulator.Deployment(emulator, "echo") + "/cancel" + query, content);
        var text = await answer.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), text);
            Assert.That(Json.Parse(text)["error"]!.Value<string>(), Does.Contain(expected));
        });
    }

    [Test]
    public async Task BatchCancel_MoreThan250Ids_Is400()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = TestEmulator.Client(emulator);
        var ids = Enumerable.Range(0, 251).Select(_ => Guid.NewGuid().ToString()).ToArray();

        var error = Assert.ThrowsAsync<UbiOpsApiException<ErrorResponse>>(() => client.Deployment_requests_batch_cancelAsync("demo", "echo", null, ids));

        Assert.That((error!.StatusCode, error.Error), Is.EqualTo((400, "The maximum number of request ids per call is 250; got 251.")));
    }

    private static RequestInput[] Inputs(int count) => Enumerable.Range(0, count).Select(i => (RequestInput)new JObject { ["n"] = i }).ToArray();
}
