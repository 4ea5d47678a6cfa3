using System.Diagnostics;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// Headless Chromium for the tests that render a page. Without a browser those tests are skipped
/// with <see cref="MissingReason"/> (the README's test command needs only the .NET SDK); CI sets
/// <c>UBIOPS_REQUIRE_BROWSER=1</c>, which turns the skip into a failure so CI always runs them.
/// </summary>
internal static class HeadlessChromium
{
    /// <summary>How a skipped browser test starts its reason, so a reader of the test output sees why.</summary>
    private const string MissingReason = "Browser test skipped";

    /// <summary>Overrides the lookup with one path (an empty or missing file means "no browser"), to check the skip.</summary>
    private const string PathVariable = "UBIOPS_CHROMIUM";

    private const string RequireVariable = "UBIOPS_REQUIRE_BROWSER";

    /// <summary>The browser to use; skips (or, when required, fails) the calling test when there is none.</summary>
    public static string Require()
    {
        if (Find() is { } found)
        {
            return found;
        }

        var missing = $"no Chromium found ({Where()}); install it with `apt-get install -y chromium` (CI does).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{RequireVariable}=1 requires the browser tests to run, but {missing}");
        }

        Assert.Ignore($"{MissingReason}: {missing}");
        return "";
    }

    /// <summary>Loads <paramref name="url"/> with no network but loopback, in a new empty profile, and returns the DOM after its scripts ran.</summary>
    public static async Task<string> DumpDomAsync(string chromium, string url)
    {
        var profile = Path.Combine(Path.GetTempPath(), "ubiops-chromium-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                     $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", url,
                 })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("Chromium did not finish within 60 s: " + await errors);
            }

            var dom = await output;
            Assert.That(dom, Is.Not.Empty, "Chromium printed no DOM: " + await errors);
            return dom;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // Chromium may still be releasing its profile; a temp folder left behind is harmless.
            }
        }
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { } configured)
        {
            return configured.Length > 0 && File.Exists(configured) ? configured : null;
        }

        return new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    private static string Where() => Environment.GetEnvironmentVariable(PathVariable) is { } configured
        ? $"{PathVariable}='{configured}' is not a file"
        : "looked for chromium, chromium-browser and google-chrome on PATH";
}
