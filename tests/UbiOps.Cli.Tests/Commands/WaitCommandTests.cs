using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class WaitCommandTests : EmulatorFixture
{
    [Test]
    public async Task Wait_BatchRequests_PrintsEachOnceItEnds()
    {
        var batch = await RunWithInputAsync("{\"seconds\":0.2}\n{\"seconds\":0}\n", "batch", "-d", "sleep", "--input", "-");

        var result = await RunWithInputAsync(batch.Out, "wait", "-d", "sleep", "--ids-from", "-", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var ended = result.OutLines.Select(JObject.Parse).ToArray();
        Assert.That(ended, Has.Length.EqualTo(2));
        Assert.That(ended.Select(e => e.Value<string>("status")), Is.All.EqualTo("completed"));
    }

    [Test]
    public async Task Wait_FailedRequest_ExitsOne()
    {
        var batch = await RunWithInputAsync("{\"n\":1}\n", "batch", "-d", "fail", "--input", "-");

        var result = await RunWithInputAsync(batch.Out, "wait", "-d", "fail", "--ids-from", "-", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(JObject.Parse(result.OutLines.Single()).Value<string>("status"), Is.EqualTo("failed"));
    }

    [Test]
    public async Task Wait_Timeout_GivesUpWithExitOne()
    {
        var batch = await RunWithInputAsync("{\"seconds\":30}\n", "batch", "-d", "sleep", "--input", "-");
        var id = JObject.Parse(batch.OutLines.Single()).Value<string>("request_id")!;

        var result = await RunAsync("wait", id, "-d", "sleep", "--timeout", "0.2", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.Contain("unfinished"));
        await RunAsync("cancel", id, "-d", "sleep");
    }
}
