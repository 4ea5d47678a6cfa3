using System.Diagnostics;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Docs;

public sealed class DocsTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _http = new HttpClient { BaseAddress = new Uri(_emulator.RootUrl + "/") };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task OpenApiYaml_IsTheSpecVerbatim()
    {
        var served = await _http.GetStringAsync("openapi.yaml");

        Assert.That(served, Is.EqualTo(SpecSchemas.ReadSpecYaml()));
    }

    [Test]
    public async Task OpenApiJson_HasEveryOperationOfTheSpec()
    {
        var json = JObject.Parse(await _http.GetStringAsync("openapi.json"));

        var ids = json["paths"]!.Children<JProperty>().SelectMany(p => p.Value.Children<JProperty>())
            .Where(m => m.Value is JObject).Select(m => m.Value["operationId"]?.Value<string>()).Where(id => id is not null);
        Assert.That(ids, Is.EquivalentTo(AllOperations.List.Select(o => o.OperationId)));
        Assert.That(json.SelectToken("components.parameters.DirectTimeout.schema.maximum")!.Type, Is.EqualTo(JTokenType.Integer), "numbers stay numbers");
        Assert.That(json.SelectToken("components.schemas.DeploymentRequestOrigin.nullable")!.Value<bool>(), Is.True, "booleans stay booleans");
    }

    [TestCase("")]
    [TestCase("docs")]
    public async Task ReferencePage_UsesOnlyLocalAssets(string path)
    {
        var html = await _http.GetStringAsync(path);

        Assert.That(html, Does.Contain("/docs/app.js").And.Not.Contain("//cdn").And.Not.Contain("https://"));
        Assert.That(await _http.GetStringAsync("docs/app.js"), Does.Contain("/openapi.json").And.Not.Contain("https://"));
    }

    [Test]
    public async Task ReferencePage_RenderedInChromium_ListsAllSixteenOperations()
    {
        var chromium = FindChromium();
        Assert.That(chromium, Is.Not.Null,
            "Chromium is required for this test and was not found on PATH (chromium or chromium-browser). Install it with `apt-get install -y chromium`; CI installs it.");
        var profile = Path.Combine(Path.GetTempPath(), "ubiops-emulator-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            var dom = await DumpDomAsync(chromium!, profile, _emulator.RootUrl + "/docs");

            Assert.That(dom, Does.Contain("data-operations=\"16\""), "the page rendered 16 operations");
            foreach (var operation in AllOperations.List)
            {
                Assert.That(dom, Does.Contain($"id=\"{operation.OperationId}\""), operation.OperationId);
            }

            Assert.That(dom, Does.Contain("Send request"), "each operation has a try-it form");
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

    private static string? FindChromium() =>
        new[] { "chromium", "chromium-browser", "google-chrome" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);

    private static async Task<string> DumpDomAsync(string chromium, string profile, string url)
    {
        var start = new ProcessStartInfo(chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--no-first-run", $"--user-data-dir={profile}", "--virtual-time-budget=10000", "--dump-dom", url,
                 })
        {
            start.ArgumentList.Add(argument);
        }

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
}
