using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class CreateCommandTests : EmulatorFixture
{
    [Test]
    public async Task Create_StructuredInput_PrintsTheCompletedRequestWithItsResult()
    {
        var result = await RunAsync("create", "-d", "echo", "--data", "{\"text\":\"hi\"}");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var json = JObject.Parse(result.Out);
        Assert.That(json.Value<string>("status"), Is.EqualTo("completed"));
        Assert.That(json["result"]!.Value<string>("text"), Is.EqualTo("hi"));
        Assert.That(json.Value<string>("version"), Is.EqualTo("v1"), "the default version");
    }

    [Test]
    public async Task Create_WithVersion_GoesToThatVersion()
    {
        var result = await RunAsync("create", "-d", "echo", "--version", "v2", "--data", "{\"n\":1}");

        Assert.That(JObject.Parse(result.Out).Value<string>("version"), Is.EqualTo("v2"), result.ToString());
    }

    [Test]
    public async Task Create_PlainDeploymentWithText_SendsTheTextAsIs()
    {
        var result = await RunAsync("create", "-d", "plain-echo", "--data", "just words", "--timeout", "60");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(JObject.Parse(result.Out).Value<string>("result"), Is.EqualTo("just words"));
    }

    [Test]
    public async Task Create_DataFromStdin_IsReadWhenDataIsADash()
    {
        var result = await RunWithInputAsync("{\"from\":\"stdin\"}", "create", "-d", "echo", "--data", "-");

        Assert.That(JObject.Parse(result.Out)["result"]!.Value<string>("from"), Is.EqualTo("stdin"), result.ToString());
    }

    [Test]
    public async Task Create_DeploymentFails_PrintsTheErrorAndExitsOne()
    {
        var result = await RunAsync("create", "-d", "fail", "--data", "{\"n\":1}");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var json = JObject.Parse(result.Out);
        Assert.That(json.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(json.Value<string>("error_message"), Is.Not.Empty);
    }

    [TestCase("high")]
    [TestCase("standard")]
    [TestCase("0")]
    public async Task Create_Priority_IsAcceptedAndTheRequestRuns(string priority)
    {
        var result = await RunAsync("create", "-d", "echo", "--data", "{\"n\":1}", "--priority", priority);

        Assert.That((result.ExitCode, JObject.Parse(result.Out).Value<string>("status")), Is.EqualTo((0, "completed")), result.ToString());
    }

    [Test]
    public async Task Create_UnknownPriority_IsAUsageError()
    {
        var result = await RunAsync("create", "-d", "echo", "--data", "{\"n\":1}", "--priority", "urgent");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--priority must be high or standard (or 0 or 1), not 'urgent'"));
    }
}
