using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Connection;

public class EmbeddedEmulatorTests
{
    [Test]
    public async Task Run_NoHostNorToken_StartsTheEmbeddedEmulatorAndSaysSoInOneLine()
    {
        using var directory = new TempDirectory();
        var output = directory.File("results.jsonl");
        var samples = Path.Combine(TestContext.CurrentContext.TestDirectory, "samples", "inputs.jsonl");

        var result = await InProcessCli.RunAsync(["run", "--deployment", "echo", "--input", samples, "--output", output, "--poll-interval", "0.05"]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.ErrorLines.Count(l => l.Contains("embedded emulator")), Is.EqualTo(1));
        var inputs = File.ReadAllLines(samples).Select(JObject.Parse).ToArray();
        var results = File.ReadAllLines(output).Select(l => JObject.Parse(l)["result"]).ToArray();
        Assert.That(results, Is.EqualTo(inputs).Using(new JTokenEqualityComparer()), "echo answers each sample input");
        Assert.That(Directory.GetFiles(directory.Path).Order(), Is.EqualTo(new[] { output, output + ".state" }), "the emulator database is gone after a finished run; the state says it finished");
    }

    [Test]
    public async Task Create_NoHostNorToken_UsesTheDemoProject()
    {
        var result = await InProcessCli.RunAsync(["create", "-d", "plain-echo", "--data", "hi"]);

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Does.Contain("project 'demo'"));
        Assert.That(JObject.Parse(result.Out).Value<string>("result"), Is.EqualTo("hi"));
    }
}
