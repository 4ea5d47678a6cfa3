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
    public async Task ReferencePage_RenderedInChromium_ListsAllTwentyTwoOperations()
    {
        var chromium = HeadlessChromium.Require();

        var dom = await HeadlessChromium.DumpDomAsync(chromium, _emulator.RootUrl + "/docs");

        Assert.That(dom, Does.Contain("data-operations=\"22\""), "the page rendered 22 operations");
        foreach (var operation in AllOperations.List)
        {
            Assert.That(dom, Does.Contain($"id=\"{operation.OperationId}\""), operation.OperationId);
        }

        Assert.That(dom, Does.Contain("Send request"), "each operation has a try-it form");
    }

    [Test]
    public async Task ReferencePage_On2024_07_ListsTheSixteenOperationsItServes()
    {
        var chromium = HeadlessChromium.Require();
        await using var old = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.July2024);

        var dom = await HeadlessChromium.DumpDomAsync(chromium, old.RootUrl + "/docs");

        Assert.That(dom, Does.Contain("data-operations=\"16\"").And.Contain("(API 2024-07)"));
        Assert.That(AllOperations.NotServedBy(ApiGeneration.July2024).Where(o => dom.Contains($"id=\"{o.OperationId}\"", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public async Task EmulatorJson_NamesTheGenerationAndItsOperations()
    {
        var info = JObject.Parse(await _http.GetStringAsync("emulator.json"));

        Assert.That(info.Value<string>("api"), Is.EqualTo("2025-12"));
        Assert.That(info["operations"]!.Values<string>(), Is.EquivalentTo(AllOperations.List.Select(o => o.OperationId)));
    }
}
