using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class CancelTests
{
    private static readonly DeploymentRequestUpdate Cancel = new() { Status = RequestStatus.Cancelled };

    [Test]
    public async Task Cancel_PendingAndProcessing_PendingIsCancelledAtOnceProcessingGoesThroughCancelledPending()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        var created = (await client.Batch_deployment_requests_createAsync([new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], "demo", "gated")).ToList();
        await gate.WaitStartedAsync(); // the only worker holds the first; the second waits pending

        var pending = await client.Deployment_requests_updateAsync(Cancel, "demo", "gated", created[1].Id);
        var processing = await client.Deployment_requests_updateAsync(Cancel, "demo", "gated", created[0].Id);
        var cancelled = await Eventually.ReachAsync(
            () => client.Deployment_requests_getAsync("demo", "gated", created[0].Id), r => r.Status == "cancelled", "the running request is cancelled");

        Assert.Multiple(() =>
        {
            Assert.That(pending.Status, Is.EqualTo(RequestStatus.Cancelled));
            Assert.That(processing.Status, Is.EqualTo(RequestStatus.CancelledPending));
            Assert.That(cancelled.Result, Is.Null);
            Assert.That(gate.Cancelled, Is.EqualTo(1), "the running handler saw its token cancelled");
            Assert.That(emulator.ExecutionCount(created[1].Id), Is.EqualTo(0), "the cancelled pending request never ran");
        });
    }

    [Test]
    public async Task Cancel_HandlerIgnoringCancellation_StaysCancelledPendingUntilItReturns()
    {
        var gate = new GatedHandler(honourCancellation: false);
        await using var emulator = await TestEmulator.StartAsync(o => o.AddDeployment("stubborn", gate.HandleAsync, DeploymentInputType.Structured, "v1", "v2"));
        var client = TestEmulator.Client(emulator);
        var created = (await client.Batch_deployment_version_requests_createAsync([new JObject()], "demo", "stubborn", "v2")).Single();
        await gate.WaitStartedAsync();

        var answer = await client.Deployment_version_requests_updateAsync(Cancel, "demo", "stubborn", "v2", created.Id);
        var meanwhile = await client.Deployment_version_requests_getAsync("demo", "stubborn", "v2", created.Id);
        gate.Open();
        var final = await Eventually.ReachAsync(
            () => client.Deployment_version_requests_getAsync("demo", "stubborn", "v2", created.Id), r => r.Status != "cancelled_pending", "the request leaves cancelled_pending");

        Assert.That((answer.Status?.Value, meanwhile.Status.Value, final.Status.Value), Is.EqualTo(("cancelled_pending", "cancelled_pending", "cancelled")));
        Assert.That(final.Result, Is.Null, "a cancelled request has no result even though the handler returned one");
    }

    [Test]
    public async Task Cancel_CompletedRequest_Is400AndKeepsResult()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var client = TestEmulator.Client(emulator);
        var done = await client.Deployment_requests_createAsync(new JObject { ["k"] = 1 }, "demo", "echo");

        var error = Assert.CatchAsync<UbiOpsApiException>(() => client.Deployment_requests_updateAsync(Cancel, "demo", "echo", done.Id));
        var after = await client.Deployment_requests_getAsync("demo", "echo", done.Id);

        Assert.That(error!.StatusCode, Is.EqualTo(400));
        Assert.That(error.Error, Does.Contain("completed"));
        Assert.That(after.Status, Is.EqualTo(RequestStatus.Completed));
    }

    [Test]
    public async Task Cancel_AlreadyCancelled_AnswersCancelledAgain()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        var created = (await client.Batch_deployment_requests_createAsync([new JObject(), new JObject()], "demo", "gated")).ToList();
        await gate.WaitStartedAsync();

        await client.Deployment_requests_updateAsync(Cancel, "demo", "gated", created[1].Id);
        var again = await client.Deployment_requests_updateAsync(Cancel, "demo", "gated", created[1].Id);
        gate.Open();

        Assert.That(again.Status, Is.EqualTo(RequestStatus.Cancelled));
    }
}
