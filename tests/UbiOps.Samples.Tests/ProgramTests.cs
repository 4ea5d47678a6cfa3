using System.Diagnostics;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests;

// Runs the built sample program as its own process, exactly as `dotnet run --project samples/UbiOps.Samples` does.
public sealed class ProgramTests
{
    [Test]
    public async Task Main_NoTokenInEnvironment_RunsEveryExampleAgainstTheEmbeddedEmulator()
    {
        var program = Path.Combine(TestContext.CurrentContext.TestDirectory, "UbiOps.Samples.dll");
        var start = new ProcessStartInfo(DotnetHost(), [program])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Remove("UBIOPS_API_TOKEN");
        start.Environment.Remove("UBIOPS_API_HOST");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // A guard against a hung run, not a speed check.
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = await stdout;
        var lines = output.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var report = $"stdout:\n{output}\nstderr:\n{await stderr}";
        Assert.Multiple(() =>
        {
            Assert.That(process.ExitCode, Is.EqualTo(0), report);
            Assert.That(lines, Is.Not.Empty, report);
            Assert.That(lines.FirstOrDefault(), Does.Match(@"^UBIOPS_API_TOKEN is not set: running the examples against an embedded emulator at http://127\.0\.0\.1:\d+/v2\.1 \(project 'demo'\)\.$"));
            Assert.That(lines, Is.SupersetOf(SampleOutput.ExampleLines), report);
            Assert.That(SampleOutput.ExampleLinePrefixes.Where(p => !lines.Any(l => l.StartsWith(p, StringComparison.Ordinal))), Is.Empty, report);
        });
    }

    // `dotnet test` tells child processes which host it runs on; fall back to the one on the PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
