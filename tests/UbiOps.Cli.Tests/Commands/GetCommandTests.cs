using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class GetCommandTests : EmulatorFixture
{
    [Test]
    public async Task Get_CreatedRequest_PrintsItsDataAndResult()
    {
        var id = await CreateAsync();

        var result = await RunAsync("get", id, "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var json = JObject.Parse(result.Out);
        Assert.That(json.Value<string>("id"), Is.EqualTo(id));
        Assert.That(json["request_data"]!.Value<int>("n"), Is.EqualTo(7));
        Assert.That(json["result"]!.Value<int>("n"), Is.EqualTo(7));
    }

    [Test]
    public async Task Get_MetadataOnly_LeavesOutDataAndResult()
    {
        var id = await CreateAsync();

        var result = await RunAsync("get", id, "-d", "echo", "--metadata-only");

        var json = JObject.Parse(result.Out);
        Assert.That(json.Value<string>("status"), Is.EqualTo("completed"));
        Assert.That(json["result"]?.Type ?? JTokenType.Null, Is.EqualTo(JTokenType.Null));
        Assert.That(json["request_data"]?.Type ?? JTokenType.Null, Is.EqualTo(JTokenType.Null));
    }

    [Test]
    public async Task Get_UnknownRequest_ExitsFourWithOneLine()
    {
        var result = await RunAsync("get", "00000000-0000-0000-0000-000000000000", "-d", "echo");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith("error: not found"));
    }

    private async Task<string> CreateAsync()
    {
        var created = await RunAsync("create", "-d", "echo", "--data", "{\"n\":7}");
        return JObject.Parse(created.Out).Value<string>("id")!;
    }
}
