using System.Diagnostics;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>Runs the standalone emulator (the <c>ubiops-emulator</c> tool, <c>ubiops-emulator.dll</c>) as a user would, to read what it prints.</summary>
internal static class EmulatorProcess
{
    public sealed record Output(int? ExitCode, IReadOnlyList<string> Lines, string Errors);

    /// <summary>
    /// Starts the emulator with <paramref name="arguments"/> and collects its output until the banner's
    /// last line ("Press Ctrl+C"), then kills it; or until it exits by itself (a start-up error).
    /// </summary>
    public static Task<Output> RunUntilBannerAsync(params string[] arguments) => RunUntilBannerAsync(arguments, new Dictionary<string, string>());

    /// <summary>As <see cref="RunUntilBannerAsync(string[])"/>, with these environment variables changed.</summary>
    public static async Task<Output> RunUntilBannerAsync(string[] arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add(Path.Combine(TestContext.CurrentContext.TestDirectory, "ubiops-emulator.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var lines = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
                if (line.StartsWith("Press Ctrl+C", StringComparison.Ordinal))
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync(timeout.Token);
                    return new Output(null, lines, await errors);
                }
            }

            await process.WaitForExitAsync(timeout.Token);
            return new Output(process.ExitCode, lines, await errors);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
    }
}
