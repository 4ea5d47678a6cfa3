using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

/// <summary><c>input</c> and <c>output</c>: a request's files, to stdout or saved.</summary>
public class RequestFileCommandTests : EmulatorFixture
{
    [Test]
    public async Task InputAndOutput_ToFiles_AreTheDataAndTheResult()
    {
        using var folder = new TempDirectory();
        var id = JObject.Parse((await RunAsync("create", "-d", "echo", "--data", "{\"city\":\"Delft\"}")).Out).Value<string>("id")!;

        var input = await RunAsync("input", id, "-d", "echo", "--file", Path.Combine(folder.Path, "in.json"));
        var output = await RunAsync("output", id, "-d", "echo", "-f", Path.Combine(folder.Path, "out.json"));

        Assert.Multiple(() =>
        {
            Assert.That((input.ExitCode, output.ExitCode), Is.EqualTo((0, 0)), input.ToString() + output);
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "in.json")), Is.EqualTo("""{"city":"Delft"}"""));
            Assert.That(File.ReadAllText(Path.Combine(folder.Path, "out.json")), Is.EqualTo("""{"city":"Delft"}"""));
            Assert.That(output.Error, Does.Contain("saved the output of " + id).And.Contain("application/json, 16 bytes"));
        });
    }

    [Test]
    public async Task Output_PlainRequestToStdout_IsItsText()
    {
        var id = JObject.Parse((await RunAsync("create", "-d", "plain-echo", "--data", "just words")).Out).Value<string>("id")!;

        var output = await RunAsync("output", id, "-d", "plain-echo");

        Assert.That((output.ExitCode, output.Out), Is.EqualTo((0, "just words")));
    }

    [Test]
    public async Task Output_RequestStillRunning_IsNotFoundSayingSo()
    {
        var id = JObject.Parse((await RunWithInputAsync("{\"seconds\":30}\n", "batch", "-d", "sleep", "--input", "-")).Out).Value<string>("request_id")!;

        var output = await RunAsync("output", id, "-d", "sleep");

        Assert.Multiple(() =>
        {
            Assert.That(output.ExitCode, Is.EqualTo(4), output.ToString());
            Assert.That(output.Error, Does.Contain("no output yet"));
        });
        await RunAsync("cancel", id, "-d", "sleep");
    }

    [Test]
    public async Task Input_FolderMissing_IsAUsageErrorBeforeAnyCall()
    {
        var result = await RunAsync("input", Guid.NewGuid().ToString(), "-d", "echo", "--file", "/no/such/folder/in.json");

        Assert.That((result.ExitCode, result.Error.Trim()), Is.EqualTo((2, "error: --file '/no/such/folder/in.json': the folder '/no/such/folder' does not exist.")));
    }
}
