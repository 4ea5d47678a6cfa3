using System.Net;
using System.Net.Sockets;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Errors;

/// <summary>
/// Every failure, usage errors included, is one <c>error: …</c> line naming what was wrong, with
/// exit code 2; every option is checked before the embedded emulator starts or anything is sent.
/// </summary>
public class UsageErrorTests
{
    private TempDirectory _directory = null!;

    [SetUp]
    public void SetUp() => _directory = new TempDirectory();

    [TearDown]
    public void TearDown() => _directory.Dispose();

    [Test]
    public async Task Run_MissingInputFile_OneErrorLineNamingTheFileAndHelp()
    {
        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", "nosuch.jsonl", "-o", _directory.File("out.jsonl")]);

        AssertOneUsageError(result, "--input 'nosuch.jsonl': no such file");
        Assert.That(result.Error, Does.Contain("See --help"));
    }

    [Test]
    public async Task AnyCommand_OptionWithoutItsValue_OneErrorLine()
    {
        var result = await InProcessCli.RunAsync(["get", "r1", "-d"]);

        AssertOneUsageError(result, "-d");
    }

    [Test]
    public async Task Run_WindowBelowOneBatch_RefusedBeforeTheEmbeddedEmulatorStarts()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":1}\n");

        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", input, "-o", _directory.File("out.jsonl"), "--window", "10"]);

        AssertOneUsageError(result, "--window must be at least 250");
        Assert.That(result.Error, Does.Not.Contain("emulator"), "nothing was started");
    }

    [TestCase("--retries", "11", "--retries must be between 0 and 10")]
    [TestCase("--call-timeout", "0", "--call-timeout must be more than 0")]
    [TestCase("--timeout", "5", "--timeout must be 10..")]
    [TestCase("--poll-interval", "-1", "--poll-interval must be more than 0")]
    public async Task Run_OptionOutOfRange_RefusedBeforeTheEmbeddedEmulatorStarts(string option, string value, string message)
    {
        var input = _directory.Write("in.jsonl", "{\"n\":1}\n");

        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", input, "-o", _directory.File("out.jsonl"), option, value]);

        AssertOneUsageError(result, message);
        Assert.That(result.Error, Does.Not.Contain("embedded emulator"));
    }

    [Test]
    public async Task Run_OutputInAFolderThatDoesNotExist_NamesTheFolderNotAnInternalFile()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":1}\n");
        var output = Path.Combine(_directory.Path, "no-such-folder", "out.jsonl");

        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", input, "-o", output]);

        AssertOneUsageError(result, $"the folder '{Path.Combine(_directory.Path, "no-such-folder")}' does not exist");
        Assert.That(result.Error, Does.Not.Contain(".state").And.Not.Contain(".tmp"));
    }

    [Test]
    public async Task AnyCommand_TokenWithANonAsciiLetter_UsageErrorAtOnceThatNeverShowsTheToken()
    {
        using var host = new TcpListener(IPAddress.Loopback, 0);
        host.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)host.LocalEndpoint).Port}";

        var result = await InProcessCli.RunAsync(["get", "r1", "-d", "echo", "--host", url, "--token", "sécret-token", "--project", "p"]);

        AssertOneUsageError(result, "not printable ASCII");
        Assert.That(result.Error, Does.Contain("position 2").And.Not.Contain("sécret"));
        Assert.That(host.Pending(), Is.False, "no call was tried");
    }

    [Test]
    public async Task AnyCommand_TokenAndTokenFile_UsageError()
    {
        var file = _directory.Write("token", "t\n");

        var result = await InProcessCli.RunAsync(["get", "r1", "-d", "echo", "--token", "t", "--token-file", file]);

        AssertOneUsageError(result, "--token and --token-file both give the token");
    }

    [Test]
    public async Task Run_TokenAndInputBothFromStdin_UsageError()
    {
        var result = await InProcessCli.RunAsync(["run", "-d", "echo", "-i", "-", "-o", _directory.File("out.jsonl"), "--token", "-", "--host", "http://127.0.0.1:9"]);

        AssertOneUsageError(result, "--token - and --input - both read stdin");
    }

    [Test]
    public async Task AnyCommand_EmptyTokenFile_UsageErrorNamingTheFile()
    {
        var file = _directory.Write("token", "\n\n");

        var result = await InProcessCli.RunAsync(["get", "r1", "-d", "echo", "--host", "http://127.0.0.1:9", "--token-file", file]);

        AssertOneUsageError(result, "holds no token");
    }

    [Test]
    public async Task Process_UnknownOption_ExitCodeTwoAndOneErrorLine()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), "list", "-d", "echo", "--no-such-option");

        AssertOneUsageError(result, "'--no-such-option'");
    }

    [Test]
    public async Task Process_OptionOutOfRange_ExitCodeTwoBeforeTheEmbeddedEmulatorStarts()
    {
        var input = _directory.Write("in.jsonl", "{\"n\":1}\n");

        var result = await CliProcess.RunAsync(new Dictionary<string, string>(), "run", "-d", "echo", "-i", input, "-o", _directory.File("out.jsonl"), "--window", "10");

        AssertOneUsageError(result, "--window must be at least 250");
        Assert.That(File.Exists(_directory.File("out.jsonl.state")), Is.False, "nothing was started");
    }

    private static void AssertOneUsageError(CliResult result, string message)
    {
        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.ErrorLines[0], Does.StartWith("error: ").And.Contain(message), result.ToString());
    }
}
