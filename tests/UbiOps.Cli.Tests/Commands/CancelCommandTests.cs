using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class CancelCommandTests : EmulatorFixture
{
    [Test]
    public async Task Cancel_RunningRequest_EndsCancelled()
    {
        var batch = await RunWithInputAsync("{\"seconds\":30}\n", "batch", "-d", "sleep", "--input", "-");
        var id = JObject.Parse(batch.OutLines.Single()).Value<string>("request_id")!;

        var result = await RunAsync("cancel", id, "-d", "sleep");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(JObject.Parse(result.Out).Value<string>("status"), Is.EqualTo("cancelled").Or.EqualTo("cancelled_pending"));
        var waited = await RunAsync("wait", id, "-d", "sleep", "--poll-interval", "0.05");
        Assert.That(JObject.Parse(waited.OutLines.Single()).Value<string>("status"), Is.EqualTo("cancelled"));
        Assert.That(waited.ExitCode, Is.EqualTo(1), "a cancelled request did not complete");
    }

    [Test]
    public async Task Cancel_ManyIdsFromABatchsOutput_CancelsThemAllInOneGo()
    {
        var batch = await RunWithInputAsync(string.Concat(Enumerable.Repeat("{\"seconds\":60}\n", 6)), "batch", "-d", "sleep", "--input", "-");

        var result = await RunWithInputAsync(batch.Out, "cancel", "-d", "sleep", "--ids-from", "-");
        var waited = await RunWithInputAsync(batch.Out, "wait", "-d", "sleep", "--ids-from", "-", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out.Trim(), Is.EqualTo("cancelled 6 request(s)"));
        Assert.That(waited.OutLines.Select(l => JObject.Parse(l).Value<string>("status")), Is.EqualTo(Enumerable.Repeat("cancelled", 6)));
    }

    [Test]
    public async Task Cancel_AllProcessing_FreesTheWorkersForAHighPriorityRequestBeforeAStandardOne()
    {
        // Four sleeps take the emulator's four workers; a standard and then a high-priority request wait.
        var busy = await RunWithInputAsync(string.Concat(Enumerable.Repeat("{\"seconds\":60}\n", 4)), "batch", "-d", "sleep", "--input", "-");
        await Task.Delay(200);
        var standard = JObject.Parse((await RunWithInputAsync("{\"seconds\":0.01,\"n\":1}\n", "batch", "-d", "sleep", "--input", "-")).Out).Value<string>("request_id")!;
        var high = JObject.Parse((await RunWithInputAsync("{\"seconds\":0.01,\"n\":2}\n", "batch", "-d", "sleep", "--input", "-", "--priority", "high")).Out).Value<string>("request_id")!;

        var cancelled = await RunAsync("cancel", "-d", "sleep", "--all", "processing");
        var waited = await RunAsync("wait", standard, high, "-d", "sleep", "--poll-interval", "0.05");
        var started = waited.OutLines.Select(JObject.Parse).ToDictionary(r => r.Value<string>("id")!, r => DateTimeOffset.Parse(r.Value<string>("time_started")!, System.Globalization.CultureInfo.InvariantCulture));
        var ended = await RunWithInputAsync(busy.Out, "wait", "-d", "sleep", "--ids-from", "-", "--poll-interval", "0.05");

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.ExitCode, Is.EqualTo(0), cancelled.ToString());
            Assert.That(cancelled.Out.Trim(), Is.EqualTo("cancelled every processing request"));
            Assert.That(started[high], Is.LessThanOrEqualTo(started[standard]), "the high-priority request started first");
            Assert.That(ended.OutLines.Select(l => JObject.Parse(l).Value<string>("status")), Has.All.EqualTo("cancelled"));
        });
    }

    [Test]
    public async Task Cancel_IdsAndAll_IsAUsageError()
    {
        var result = await RunAsync("cancel", Guid.NewGuid().ToString(), "-d", "sleep", "--all", "pending");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "error: Give request ids or --all, not both.")));
    }

    [TestCase("completed")]
    [TestCase("everything")]
    public async Task Cancel_AllWithAStatusOtherThanPendingOrProcessing_IsAUsageError(string status)
    {
        var result = await RunAsync("cancel", "-d", "sleep", "--all", status);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
    }
}
