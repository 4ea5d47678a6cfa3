using System.Diagnostics;
using UbiOps.Client;

namespace UbiOps.Cli.Tests.Support;

/// <summary>The CLI as its own process (<c>dotnet ubiops-requests.dll</c>), so a test can kill it with SIGKILL.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _output;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _output = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts the CLI on the embedded emulator (no host or token from the machine's environment).</summary>
    public static CliProcess Start(params string[] args) => Start(new Dictionary<string, string>(), args);

    /// <summary>Starts the CLI with these environment variables set, and none for the host or token.</summary>
    public static CliProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "ubiops-requests.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove(UbiOpsClientOptions.HostEnvironmentVariable);
        start.Environment.Remove(UbiOpsClientOptions.TokenEnvironmentVariable);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return new CliProcess(Process.Start(start)!);
    }

    /// <summary>Runs the CLI to its end (at most a minute): its real exit code and output.</summary>
    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var process = Start(environment, args);
        return await process.WaitAsync(TimeSpan.FromMinutes(1));
    }

    public bool HasExited => _process.HasExited;

    /// <summary>SIGKILL: no handler runs, nothing is flushed that was not flushed already.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return new CliResult(_process.ExitCode, await _output, await _error);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }
}
