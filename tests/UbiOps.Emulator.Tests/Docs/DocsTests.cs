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
        var chromium = HeadlessChromium.Require();

        var dom = await HeadlessChromium.DumpDomAsync(chromium, _emulator.RootUrl + "/docs");

        Assert.That(dom, Does.Contain("data-operations=\"16\""), "the page rendered 16 operations");
        foreach (var operation in AllOperations.List)
        {
            Assert.That(dom, Does.Contain($"id=\"{operation.OperationId}\""), operation.OperationId);
        }

        Assert.That(dom, Does.Contain("Send request"), "each operation has a try-it form");
    }
}
