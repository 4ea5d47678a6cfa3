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
}
