using System.Diagnostics;

namespace UbiOps.Cli.Tests.Support;

/// <summary>The CLI as its own process (<c>dotnet ubiops-requests.dll</c>), so a test can kill it with SIGKILL.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _error;

    private CliProcess(Process process)
    {
        _process = process;
        _ = process.StandardOutput.ReadToEndAsync();
        _error = process.StandardError.ReadToEndAsync();
    }

    public static CliProcess Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "ubiops-requests.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("UBIOPS_API_HOST");
        start.Environment.Remove("UBIOPS_API_TOKEN");
        return new CliProcess(Process.Start(start)!);
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
        return new CliResult(_process.ExitCode, "", await _error);
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
