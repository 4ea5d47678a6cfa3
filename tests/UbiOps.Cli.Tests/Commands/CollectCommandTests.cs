using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class CollectCommandTests : EmulatorFixture
{
    [Test]
    public async Task Collect_Ids_PrintsTheRequestsInTheOrderAskedFor()
    {
        var ids = new List<string>();
        foreach (var n in new[] { 1, 2, 3 })
        {
            ids.Add(JObject.Parse((await RunAsync("create", "-d", "echo", "--data", $"{{\"n\":{n}}}")).Out).Value<string>("id")!);
        }

        var result = await RunAsync(["collect", ids[2], ids[0], ids[1], "-d", "echo"]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(JArray.Parse(result.Out).Select(r => r.Value<string>("id")), Is.EqualTo(new[] { ids[2], ids[0], ids[1] }));
    }

    [Test]
    public async Task Collect_IdsFromBatchOutput_ReadsTheRequestIdField()
    {
        var batch = await RunWithInputAsync("{\"n\":1}\n{\"n\":2}\n", "batch", "-d", "echo", "--input", "-");

        var result = await RunWithInputAsync(batch.Out, "collect", "-d", "echo", "--ids-from", "-");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(JArray.Parse(result.Out).Select(r => r["request_data"]!.Value<int>("n")), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public async Task Collect_NoIds_IsAUsageError()
    {
        var result = await RunAsync("collect", "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("No request ids"));
    }
}
