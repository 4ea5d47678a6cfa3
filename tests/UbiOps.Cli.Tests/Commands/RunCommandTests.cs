using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class RunCommandTests : EmulatorFixture
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory();

    [TearDown]
    public void TearDown() => _directory.Dispose();

    private string Output => _directory.File("results.jsonl");

    [Test]
    public async Task Run_ThousandLines_WritesThousandResultsInInputOrder()
    {
        var input = _directory.Write("in.jsonl", Lines(1000));

        var result = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        var lines = ReadOutput();
        Assert.That(lines.Select(l => l.Value<int>("index")), Is.EqualTo(Enumerable.Range(0, 1000)));
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, 1000)));
        Assert.That(lines.Select(l => l.Value<string>("status")), Is.All.EqualTo("completed"));
        Assert.That(lines.Select(l => l.Value<string>("request_id")).Distinct().Count(), Is.EqualTo(1000));
        Assert.That(File.Exists(Output + ".state"), Is.False, "a finished run needs no state");
        Assert.That(result.Error, Does.Contain("Done: 1000 result(s)"));
    }

    [Test]
    public async Task Run_MalformedLine_IsReportedWithItsLineNumberInTheOutputAndOnStderr()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":0}\n{\"n\":1,}\n\n[1,2]\n{\"n\":3}\n");

        var result = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        var lines = ReadOutput();
        Assert.That(lines.Select(l => l.Value<string>("status")), Is.EqualTo(new[] { "completed", "invalid_input", "invalid_input", "completed" }));
        Assert.That(lines[1].Value<string>("error"), Does.StartWith("line 2:"));
        Assert.That(lines[2].Value<string>("error"), Does.StartWith("line 4:"), "the blank line 3 is not an input, but it is counted");
        Assert.That(lines[3]["result"]!.Value<int>("n"), Is.EqualTo(3));
        Assert.That(result.Error, Does.Contain("line 2:").And.Contain("line 4:"));
    }

    [Test]
    public async Task Run_JsonArrayFromStdin_WritesOneLinePerElement()
    {
        var result = await RunWithInputAsync("[\"a\", \"b\", \"c\"]", "run", "-d", "plain-echo", "-i", "-", "-o", Output, "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(ReadOutput().Select(l => l.Value<string>("result")), Is.EqualTo(new[] { "a", "b", "c" }));
    }

    [Test]
    public async Task Run_FailingDeployment_WritesTheErrorPerInputAndExitsOne()
    {
        var input = _directory.Write("in.jsonl", Lines(3));

        var result = await RunAsync("run", "-d", "fail", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(1), result.ToString());
        Assert.That(ReadOutput().Select(l => l.Value<string>("status")), Is.All.EqualTo("failed"));
        Assert.That(ReadOutput().Select(l => l.Value<string>("error")), Is.All.Not.Empty);
    }

    [Test]
    public async Task Run_Version_RunsOnThatVersion()
    {
        var input = _directory.Write("in.jsonl", Lines(2));

        var result = await RunAsync("run", "-d", "echo", "--version", "v2", "-i", input, "-o", Output, "--poll-interval", "0.05");

        var ids = ReadOutput().Select(l => l.Value<string>("request_id")!).ToArray();
        var collected = await RunAsync(["collect", .. ids, "-d", "echo", "--version", "v2"]);
        Assert.That(JArray.Parse(collected.Out).Select(r => r.Value<string>("version")), Is.All.EqualTo("v2"), result.ToString());
    }

    [Test]
    public async Task Run_AgainOnACompleteOutput_SubmitsNothing()
    {
        var input = _directory.Write("in.jsonl", Lines(5));
        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");
        var executions = Emulator.TotalExecutions;

        var again = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(Emulator.TotalExecutions, Is.EqualTo(executions));
        Assert.That(ReadOutput(), Has.Count.EqualTo(5));
    }

    [Test]
    public async Task Run_Restart_DiscardsTheOutputAndRunsEverything()
    {
        var input = _directory.Write("in.jsonl", Lines(5));
        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");
        var executions = Emulator.TotalExecutions;

        var again = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--restart", "--poll-interval", "0.05");

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(Emulator.TotalExecutions, Is.EqualTo(executions + 5));
        Assert.That(ReadOutput().Select(l => l.Value<int>("index")), Is.EqualTo(Enumerable.Range(0, 5)));
    }

    [Test]
    public async Task Run_OutputThatIsNotARunsOutput_IsAUsageErrorAndLeftAlone()
    {
        var input = _directory.Write("in.jsonl", Lines(1));
        File.WriteAllText(Output, "my notes\n");

        var result = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(File.ReadAllText(Output), Is.EqualTo("my notes\n"));
    }

    [Test]
    public async Task Run_MissingInputFile_IsAUsageErrorBeforeAnythingConnects()
    {
        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", _directory.File("missing.jsonl"), "-o", Output]);

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("no such file").And.Not.Contain("emulator"));
    }

    internal static string Lines(int count) =>
        string.Concat(Enumerable.Range(0, count).Select(n => $"{{\"n\":{n}}}\n"));

    private List<JObject> ReadOutput() => File.ReadAllLines(Output).Select(JObject.Parse).ToList();
}
