using System.Net;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class AuthAndNotFoundTests
{
    private UbiOpsEmulator _emulator = null!;

    private static IEnumerable<AllOperations.Operation> Operations => AllOperations.List;

    private static IEnumerable<AllOperations.Operation> VersionOperations => AllOperations.List.Where(o => o.HasVersion);

    [OneTimeSetUp]
    public async Task StartAsync() => _emulator = await TestEmulator.StartAsync(o => o.Token = "s3cret");

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public void Operations_AreTwentyTwo_HalfOfThemForAnExplicitVersion()
    {
        Assert.That(AllOperations.List, Has.Count.EqualTo(22));
        Assert.That(VersionOperations.Count(), Is.EqualTo(11));
    }

    [TestCaseSource(nameof(Operations))]
    public async Task AnyOperation_WithoutToken_Is401(AllOperations.Operation operation)
    {
        using var http = TestEmulator.Raw(_emulator, token: null);

        var answer = await http.SendAsync(operation.Build("demo", "echo"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("credentials"));
    }

    [TestCaseSource(nameof(Operations))]
    public async Task AnyOperation_WithWrongToken_Is401(AllOperations.Operation operation)
    {
        using var http = TestEmulator.Raw(_emulator, token: "wrong");

        var answer = await http.SendAsync(operation.Build("demo", "echo"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCaseSource(nameof(Operations))]
    public async Task AnyOperation_UnknownProject_Is404(AllOperations.Operation operation)
    {
        using var http = TestEmulator.Raw(_emulator);

        var answer = await http.SendAsync(operation.Build("nope", "echo"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("Project 'nope'"));
    }

    [TestCaseSource(nameof(Operations))]
    public async Task AnyOperation_UnknownDeployment_Is404(AllOperations.Operation operation)
    {
        using var http = TestEmulator.Raw(_emulator);

        var answer = await http.SendAsync(operation.Build("demo", "nope"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("Deployment 'nope'"));
    }

    [TestCaseSource(nameof(VersionOperations))]
    public async Task VersionOperation_UnknownVersion_Is404(AllOperations.Operation operation)
    {
        using var http = TestEmulator.Raw(_emulator);

        var answer = await http.SendAsync(operation.Build("demo", "echo", version: "v9"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(JObject.Parse(await answer.Content.ReadAsStringAsync())["error"]!.Value<string>(), Does.Contain("Version 'v9'"));
    }

    [TestCase("s3cret")]
    [TestCase("Token s3cret")]
    [TestCase("token   s3cret")]
    public async Task Token_WithOrWithoutPrefix_IsAccepted(string header)
    {
        using var http = TestEmulator.Raw(_emulator, token: null);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var answer = await http.GetAsync(TestEmulator.Deployment(_emulator, "echo"));

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task GeneratedClient_WithEmulatorToken_IsAuthorized()
    {
        var client = TestEmulator.Client(_emulator);

        var list = await client.Deployment_requests_listAsync("demo", "echo");

        Assert.That(list, Is.Not.Null);
    }

    [Test]
    public async Task Docs_NeedNoToken()
    {
        using var http = new HttpClient();

        var answer = await http.GetAsync(_emulator.RootUrl + "/openapi.yaml");

        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(answer.Headers.Contains("x-ratelimit-limit"), Is.False);
    }
}
