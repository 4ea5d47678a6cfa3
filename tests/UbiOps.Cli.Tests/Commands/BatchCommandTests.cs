using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class BatchCommandTests : EmulatorFixture
{
    [Test]
    public async Task Batch_Inputs_PrintsOneLinePerInputWithTheIdOfItsRequest()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n");

        var result = await RunAsync("batch", "-d", "echo", "--input", input);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = result.OutLines.Select(JObject.Parse).ToArray();
        Assert.That(lines.Select(l => l.Value<int>("index")), Is.EqualTo(new[] { 0, 1, 2 }));
        var collected = await RunAsync(["collect", "-d", "echo", .. lines.Select(l => l.Value<string>("request_id")!)]);
        Assert.That(JArray.Parse(collected.Out).Select(r => r["request_data"]!.Value<int>("n")), Is.EqualTo(new[] { 0, 1, 2 }));
    }

    [Test]
    public async Task Batch_MalformedLine_IsReportedWithItsLineNumberAndTheOthersAreSubmitted()
    {
        var result = await RunWithInputAsync("{\"n\":0}\n{oops\n{\"n\":2}\n", "batch", "-d", "echo", "--input", "-");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = result.OutLines.Select(JObject.Parse).ToArray();
        Assert.That(lines.Select(l => l.Value<int>("index")), Is.EqualTo(new[] { 0, 1, 2 }));
        Assert.That(lines[1].Value<string>("status"), Is.EqualTo("invalid_input"));
        Assert.That(lines[1].Value<string>("error"), Does.StartWith("line 2:"));
        Assert.That(lines[0].Value<string>("request_id"), Is.Not.Null);
        Assert.That(lines[2].Value<string>("request_id"), Is.Not.Null);
        Assert.That(result.Error, Does.Contain("line 2:"));
    }
}
