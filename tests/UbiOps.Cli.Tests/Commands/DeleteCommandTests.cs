using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class DeleteCommandTests : EmulatorFixture
{
    [Test]
    public async Task Delete_OneId_RemovesTheRequest()
    {
        var id = JObject.Parse((await RunAsync("create", "-d", "echo", "--data", "{\"n\":1}")).Out).Value<string>("id")!;

        var result = await RunAsync("delete", id, "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Out, Does.Contain("deleted 1 request(s)"));
        Assert.That((await RunAsync("get", id, "-d", "echo")).ExitCode, Is.EqualTo(4));
    }

    [Test]
    public async Task Delete_ManyIds_RemovesThemAll()
    {
        var batch = await RunWithInputAsync("{\"n\":1}\n{\"n\":2}\n{\"n\":3}\n", "batch", "-d", "echo", "--version", "v2", "--input", "-");
        var ids = batch.OutLines.Select(l => JObject.Parse(l).Value<string>("request_id")!).ToArray();

        var result = await RunAsync(["delete", .. ids, "-d", "echo", "--version", "v2"]);

        Assert.That(result.Out, Does.Contain("deleted 3 request(s)"), result.ToString());
        foreach (var id in ids)
        {
            Assert.That((await RunAsync("get", id, "-d", "echo", "--version", "v2")).ExitCode, Is.EqualTo(4));
        }
    }
}
