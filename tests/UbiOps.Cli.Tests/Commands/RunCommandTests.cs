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
        Assert.That(File.ReadLines(Output + ".state").Last(), Does.Contain("\"finished\""), "the state says the run finished");
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
        Assert.That(again.Error, Does.Contain("Already finished: 5 result(s)").And.Contain("--restart"));
    }

    [Test]
    public async Task Run_ResultLines_NameTheInputLineOfEveryKindOfOutcome()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":0}\n\n{\"n\":1,}\n\n\n\"plain\"\n{\"n\":2}\n");

        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        var lines = ReadOutput();
        Assert.That(lines.Select(l => (l.Value<int>("index"), l.Value<int>("line"), l.Value<string>("status"))), Is.EqualTo(new[]
        {
            (0, 1, "completed"), (1, 3, "invalid_input"), (2, 6, "rejected"), (3, 7, "completed"),
        }));
        Assert.That(lines[1].Value<string>("error"), Does.StartWith("line 3: not valid JSON").And.Not.Contain("reader options"));
        Assert.That(lines[2].Value<string>("error"), Does.StartWith("line 6: The API refused the input (400)"));
    }

    [Test]
    public async Task Run_CommentInAJsonLine_InvalidInputWithoutTheParsersAdviceToProgrammers()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":0} // note\n");

        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        var error = ReadOutput().Single().Value<string>("error")!;
        Assert.That(error, Does.StartWith("line 1: not valid JSON").And.Not.Contain("reader options").And.Not.Contain("LineNumber"));
    }

    [Test]
    public async Task Run_TextInputFormat_SendsEachLineAsItIsToAPlainDeployment()
    {
        var input = _directory.Write("in.txt", "hello\n\n  spaced out  \n{not json\n\"quoted\"\n");

        var result = await RunAsync("run", "-d", "plain-echo", "-i", input, "-o", Output, "--input-format", "text", "--poll-interval", "0.05");

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(ReadOutput().Select(l => (l.Value<int>("line"), l.Value<string>("result"))), Is.EqualTo(new[]
        {
            (1, "hello"), (3, "  spaced out  "), (4, "{not json"), (5, "\"quoted\""),
        }));
    }

    [Test]
    public async Task Run_TokenFromAFileOrStdin_UsedAndNeverPrinted()
    {
        var input = _directory.Write("in.jsonl", Lines(2));
        var tokenFile = _directory.Write("token", Emulator.Token + "\n");
        string[] target = ["--host", Emulator.BaseUrl, "--project", Emulator.Project, "--poll-interval", "0.05"];

        var fromFile = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", input, "-o", Output, "--token-file", tokenFile, .. target]);
        var fromStdin = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", input, "-o", _directory.File("out2.jsonl"), "--token", "-", .. target],
            stdin: Emulator.Token + "\n");

        Assert.That((fromFile.ExitCode, fromStdin.ExitCode), Is.EqualTo((0, 0)), fromFile + "\n" + fromStdin);
        Assert.That(fromFile.Error + fromStdin.Error, Does.Not.Contain(Emulator.Token));
        Assert.That(ReadOutput(), Has.Count.EqualTo(2));
    }

    [TestCase(true, TestName = "Run_InputLineChangedAfterTheRunFinished_StopsNamingTheLineAndRestart")]
    [TestCase(false, TestName = "Run_InputLineChangedAfterItsResultInAStoppedRun_StopsNamingTheLineAndRestart")]
    public async Task Run_InputLineChangedAfterItsResult_StopsNamingTheLineAndRestart(bool finished)
    {
        var input = _directory.Write("in.jsonl", Lines(10));
        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");
        _directory.Write("in.jsonl", Lines(10).Replace("{\"n\":3}", "{\"n\":33}"));
        if (!finished)
        {
            // As a run killed after its last result line, before it recorded the end.
            File.WriteAllLines(Output + ".state", File.ReadLines(Output + ".state").Where(l => !l.Contains("finished")).ToArray());
        }

        var executions = Emulator.TotalExecutions;

        var again = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(again.ExitCode, Is.EqualTo(2), again.ToString());
        Assert.That(again.ErrorLines.Count(l => l.StartsWith("error:", StringComparison.Ordinal)), Is.EqualTo(1));
        Assert.That(again.Error, Does.Contain("error: input line 4 ").And.Contain("--restart"));
        Assert.That(Emulator.TotalExecutions, Is.EqualTo(executions), "nothing was submitted");
    }

    [Test]
    public async Task Run_InputExtendedAfterTheRunFinished_RunsOnlyTheNewLines()
    {
        var input = _directory.Write("in.jsonl", Lines(3));
        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");
        _directory.Write("in.jsonl", Lines(5));
        var executions = Emulator.TotalExecutions;

        var again = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(again.ExitCode, Is.EqualTo(0), again.ToString());
        Assert.That(Emulator.TotalExecutions, Is.EqualTo(executions + 2));
        Assert.That(ReadOutput().Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(again.Error, Does.Contain("Done: 5 result(s)").And.Contain("3 from an earlier run"));
    }

    [Test]
    public async Task Run_AnotherDeploymentOnTheSameOutput_StopsNamingBothTargets()
    {
        var input = _directory.Write("in.jsonl", Lines(3));
        await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        var other = await RunAsync("run", "-d", "plain-echo", "-i", input, "-o", Output);

        Assert.That(other.ExitCode, Is.EqualTo(2), other.ToString());
        Assert.That(other.Error, Does.Contain("demo/echo,").And.Contain("demo/plain-echo:").And.Contain("--restart"));
        Assert.That(ReadOutput(), Has.Count.EqualTo(3), "the output is left as it was");
    }

    [Test]
    public async Task Run_FailedBeforeAnythingWasSubmitted_LeavesNothingThatBlocksTheCorrectedCommand()
    {
        var input = _directory.Write("in.jsonl", Lines(3));

        var wrong = await RunAsync("run", "-d", "no-such-deployment", "-i", input, "-o", Output);
        var right = await RunAsync("run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05");

        Assert.That(wrong.ExitCode, Is.EqualTo(4), wrong.ToString());
        Assert.That(right.ExitCode, Is.EqualTo(0), right.ToString());
        Assert.That(ReadOutput().Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(new[] { 0, 1, 2 }));
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
