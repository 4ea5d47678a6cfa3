using System.Diagnostics;
using System.Text.RegularExpressions;

/// <summary>The standalone emulator (the ubiops-emulator tool, Release build) as a child process.</summary>
internal sealed partial class EmulatorProcess : IAsyncDisposable
{
    private readonly Process _process;

    private EmulatorProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    /// <summary>The root of the server (without /v2.1).</summary>
    public string RootUrl => BaseUrl[..BaseUrl.LastIndexOf("/v2.1", StringComparison.Ordinal)] + "/";

    public const string Token = "emulator-token";

    public static async Task<EmulatorProcess> StartAsync(string toolDll, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(toolDll);
        foreach (var argument in new[] { "--port", "0" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        _ = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (await process.StandardOutput.ReadLineAsync(limit.Token) is { } line)
        {
            if (Listening().Match(line) is { Success: true } match)
            {
                _ = process.StandardOutput.ReadToEndAsync();
                return new EmulatorProcess(process, match.Groups["url"].Value);
            }
        }

        throw new InvalidOperationException("The emulator did not start.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    [GeneratedRegex(@"listening on (?<url>http://\S+)")]
    private static partial Regex Listening();
}
