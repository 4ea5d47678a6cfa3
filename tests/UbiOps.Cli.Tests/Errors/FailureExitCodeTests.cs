using System.Net;
using System.Net.Sockets;
using UbiOps.Cli.Tests.Commands;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Errors;

public class FailureExitCodeTests : EmulatorFixture
{
    [Test]
    public async Task Run_UnknownDeployment_ExitsFourWithOneLine()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(3));

        var result = await RunAsync("run", "-d", "no-such-deployment", "-i", input, "-o", directory.File("out.jsonl"), "--quiet");

        Assert.That(result.ExitCode, Is.EqualTo(4), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
        Assert.That(result.Error, Does.StartWith("error: not found").And.Contain("no-such-deployment"));
    }

    [Test]
    public async Task AnyCommand_WrongToken_ExitsThreeWithOneLineThatNeverShowsTheToken()
    {
        var result = await InProcessCli.RunAsync(
            ["list", "-d", "echo", "--host", Emulator.BaseUrl, "--token", "wrong-secret", "--project", Emulator.Project]);

        Assert.That(result.ExitCode, Is.EqualTo(3), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith("error: authentication failed").And.Not.Contain("wrong-secret"));
    }

    [Test]
    public async Task Run_UnreachableHost_ExitsFiveWithOneLine()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(3));
        var closedPort = ClosedPort();

        var result = await InProcessCli.RunAsync(
            ["run", "-d", "echo", "-i", input, "-o", directory.File("out.jsonl"), "--quiet",
             "--host", $"http://127.0.0.1:{closedPort}", "--token", "t", "--project", "demo", "--retries", "0"]);

        Assert.That(result.ExitCode, Is.EqualTo(5), result.ToString());
        Assert.That(result.ErrorLines, Has.Length.EqualTo(1));
        Assert.That(result.Error, Does.StartWith($"error: cannot reach http://127.0.0.1:{closedPort}"));
    }

    [Test]
    public async Task AnyCommand_HostFromTheEnvironmentWithoutToken_IsAUsageError()
    {
        var result = await InProcessCli.RunAsync(
            ["get", "some-id", "-d", "echo", "-p", "demo"],
            variables: new Dictionary<string, string> { ["UBIOPS_API_HOST"] = Emulator.BaseUrl });

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("UBIOPS_API_TOKEN"));
    }

    [Test]
    public async Task AnyCommand_TargetFromTheEnvironment_IsUsed()
    {
        var result = await InProcessCli.RunAsync(
            ["create", "-d", "echo", "--data", "{\"n\":1}"],
            variables: new Dictionary<string, string>
            {
                ["UBIOPS_API_HOST"] = Emulator.BaseUrl,
                ["UBIOPS_API_TOKEN"] = Emulator.Token,
                ["UBIOPS_PROJECT"] = Emulator.Project,
            });

        Assert.That(result.ExitCode, Is.EqualTo(0), result.ToString());
        Assert.That(result.Error, Is.Empty, "no emulator notice: the environment named the target");
    }

    [Test]
    public async Task AnyCommand_BadOption_ExitsTwo()
    {
        var result = await RunAsync("list", "-d", "echo", "--limit", "many");

        Assert.That(result.ExitCode, Is.EqualTo(2), result.ToString());
        Assert.That(result.Error, Does.Contain("--help"));
    }

    [Test]
    public async Task Run_Cancelled_ExitsOneHundredThirty()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(3));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var result = await InProcessCli.RunAsync(
            Target(Emulator, ["run", "-d", "echo", "-i", input, "-o", directory.File("out.jsonl")]), cancellationToken: cancelled.Token);

        Assert.That(result.ExitCode, Is.EqualTo(130), result.ToString());
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
