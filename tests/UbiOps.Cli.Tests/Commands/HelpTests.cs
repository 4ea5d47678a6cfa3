using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

public class HelpTests
{
    private static readonly string[] TargetOptions = ["--deployment", "--version", "--project", "--host", "--token", "--token-file", "--retries", "--call-timeout", "--source-address"];

    private static readonly string[] ExitCodeLines =
        ["Exit codes:", "0   ok", "1   some inputs", "2   usage error", "3   authentication failed", "4   not found", "5   host unreachable", "130 cancelled"];

    public static IEnumerable<TestCaseData> Commands()
    {
        yield return new TestCaseData("run", new[] { "--input", "--output", "--input-format <auto|jsonl|json|text>", "--restart", "--shard <I/N>", "--timeout", "--priority <high|standard>", "--on-ambiguous <report|adopt|resend>", "--window", "--poll-interval", "--quiet" });
        yield return new TestCaseData("create", new[] { "--data", "--plain", "--timeout", "--priority" });
        yield return new TestCaseData("batch", new[] { "--input", "--input-format", "--timeout", "--priority", "--on-ambiguous <report|adopt|resend>" });
        yield return new TestCaseData("get", new[] { "<request-id>", "--metadata-only" });
        yield return new TestCaseData("collect", new[] { "<request-ids>", "--ids-from" });
        yield return new TestCaseData("wait", new[] { "<request-ids>", "--ids-from", "--timeout", "--poll-interval" });
        yield return new TestCaseData("list", new[]
        {
            "--status", "--success", "--limit", "--offset", "--sort", "--pipeline", "--request-schedule",
            "--start-date", "--end-date", "--search-id", "--all", "--format <table|json>", "--wide",
            "today's service lists only completed requests unless --status is given",
        });
        yield return new TestCaseData("cancel", new[] { "<request-ids>", "--ids-from", "--all <pending|processing>", "2024-07" });
        yield return new TestCaseData("input", new[] { "<request-id>", "--file" });
        yield return new TestCaseData("output", new[] { "<request-id>", "--file", "2024-07" });
        yield return new TestCaseData("delete", new[] { "<request-ids>", "--ids-from" });
    }

    [TestCaseSource(nameof(Commands))]
    public async Task Help_OfEachCommand_ListsItsOptionsAndTheExitCodes(string command, string[] options)
    {
        var result = await InProcessCli.RunAsync([command, "--help"]);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        // The usage line starts with the executable's name: ubiops-requests, or the test host here.
        Assert.That(result.Out, Does.Match($@"Usage:\s+\S+ {command}\b"));
        Assert.That(options.Concat(TargetOptions), Is.All.Matches<string>(o => result.Out.Contains(o)), result.Out);
        Assert.That(ExitCodeLines, Is.All.Matches<string>(l => result.Out.Contains(l)), result.Out);
    }

    [Test]
    public async Task Help_OfMerge_ListsItsArgumentsOptionsAndTheExitCodes()
    {
        var result = await InProcessCli.RunAsync(["merge", "--help"]);

        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(new[] { "<shard-outputs>", "--output", "--input", "run --shard I/N" }, Is.All.Matches<string>(o => result.Out.Contains(o)), result.Out);
        Assert.That(ExitCodeLines, Is.All.Matches<string>(l => result.Out.Contains(l)), result.Out);
    }

    [Test]
    public async Task Help_OfTheTool_ListsEveryCommandAndTheExitCodes()
    {
        var result = await InProcessCli.RunAsync(["--help"]);

        var names = Commands().Select(c => (string)c.Arguments[0]!).Append("merge");
        Assert.That(names, Is.All.Matches<string>(n => result.Out.Contains($"  {n}")), result.Out);
        Assert.That(result.Out, Does.Contain("Exit codes:"));
    }

    [Test]
    public async Task Help_OfToken_RecommendsTheEnvironmentOrAFile()
    {
        var result = await InProcessCli.RunAsync(["run", "--help"]);
        // Help wraps descriptions to the width: read it as running text.
        var text = System.Text.RegularExpressions.Regex.Replace(result.Out, @"\s+", " ");

        Assert.That(text, Does.Contain("Prefer UBIOPS_API_TOKEN or --token-file"));
        Assert.That(text, Does.Contain("'-' reads it from stdin"));
    }
}
