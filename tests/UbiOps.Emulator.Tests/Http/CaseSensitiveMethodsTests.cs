using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>HTTP methods are case-sensitive: only the upper-case methods of the API are served.</summary>
public sealed class CaseSensitiveMethodsTests
{
    private UbiOpsEmulator _emulator = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _emulator = await TestEmulator.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Assert.That(_emulator.UnexpectedErrors, Is.EqualTo(0));
        await _emulator.DisposeAsync();
    }

    // Was: 200 and the list of requests, as if it were GET.
    [TestCase("get", "")]
    [TestCase("Get", "")]
    [TestCase("post", "Content-Type: application/json\r\nContent-Length: 2\r\n")]
    [TestCase("delete", "")]
    public async Task Request_LowerCaseMethod_Is400AndNotServed(string method, string headers)
    {
        var body = method == "post" ? "{}" : "";
        var id = method == "delete" ? "/" + (await TestEmulator.Client(_emulator).Deployment_requests_createAsync(new JObject(), "demo", "echo")).Id : "";

        var answer = await RawHttp.SendAsync(_emulator, $"{method} /v2.1/{TestEmulator.Deployment(_emulator, "echo")}{id} HTTP/1.1", headers, body);

        Assert.That(answer.Status, Is.EqualTo(400), answer.ToString());
        Assert.That(answer.Error, Does.Contain($"'{method}'").And.Contain("case-sensitive"));
        if (id.Length > 0)
        {
            using var http = TestEmulator.Raw(_emulator);
            var stillThere = await http.GetAsync(TestEmulator.Deployment(_emulator, "echo") + id);
            Assert.That((int)stillThere.StatusCode, Is.EqualTo(200), "the lower-case delete deleted nothing");
        }
    }

    [Test]
    public async Task Request_UpperCaseMethod_IsServed()
    {
        var answer = await RawHttp.SendAsync(_emulator, $"GET /v2.1/{TestEmulator.Deployment(_emulator, "echo")} HTTP/1.1", "", "");

        Assert.That(answer.Status, Is.EqualTo(200), answer.ToString());
        Assert.That(JToken.Parse(answer.Body).Type, Is.EqualTo(JTokenType.Array));
    }

    [Test]
    public async Task Docs_LowerCaseMethod_Is400()
    {
        var answer = await RawHttp.SendAsync(_emulator, "get /docs HTTP/1.1", "", "");

        Assert.That(answer.Status, Is.EqualTo(400), answer.ToString());
    }
}
