using System.Text.RegularExpressions;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests;

/// <summary>The handwritten half of the raw client: constructor, Authorization and User-Agent.</summary>
public class DeploymentRequestsClientTests
{
    [TestCaseSource(typeof(WireOperations), nameof(WireOperations.Cases))]
    public async Task Operation_Always_SendsTokenAuthorizationAndUbiOpsUserAgent(WireOperation operation)
    {
        using var harness = new WireHarness(token: "abc");

        await harness.SendAsync(operation);

        Assert.Multiple(() =>
        {
            Assert.That(harness.Request.Header("Authorization"), Is.EqualTo(new[] { "Token abc" }));
            Assert.That(harness.Request.Header("User-Agent"), Is.EqualTo(new[] { UserAgent.Value }));
        });
    }

    [TestCase("abc", "Token abc")]
    [TestCase("Token abc", "Token abc")]
    [TestCase("token abc", "Token abc")]
    [TestCase("  Token   abc  ", "Token abc")]
    public async Task Operation_ConfiguredToken_SendsExactlyOneTokenPrefix(string configured, string expected)
    {
        using var harness = new WireHarness(token: configured);

        await harness.SendAsync(WireOperations.All[0]);

        Assert.That(harness.Request.Header("Authorization"), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public async Task Operation_HttpClientHasOtherDefaultAuthorization_SendsOnlyTheConfiguredToken()
    {
        using var handler = new MockHttpMessageHandler();
        string[]? sent = null;
        handler.When("*").Respond(request =>
        {
            sent = request.Headers.GetValues("Authorization").ToArray();
            return new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent("[]") };
        });
        using var http = handler.ToHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer someone-else");
        var client = new DeploymentRequestsClient(http, new UbiOpsClientOptions { Token = "abc", BaseUrl = WireHarness.BaseUrl });

        await client.Deployment_requests_listAsync("p", "d");

        Assert.That(sent, Is.EqualTo(new[] { "Token abc" }));
    }

    [Test]
    public void UserAgentValue_Always_HasTheOfficialClientsForm()
    {
        // UbiOps/<language>/<version>, like the official clients; the version carries no "+commit".
        Assert.That(UserAgent.Value, Does.Match(new Regex(@"^UbiOps/dotnet/\d+\.\d+\.\d+([-.][0-9A-Za-z.-]+)?$")));
    }

    [Test]
    public void Constructor_OptionsWithoutToken_ThrowsArgumentExceptionNamingToken()
    {
        using var http = new HttpClient();

        var exception = Assert.Throws<ArgumentException>(
            () => _ = new DeploymentRequestsClient(http, new UbiOpsClientOptions { BaseUrl = WireHarness.BaseUrl }));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo(nameof(UbiOpsClientOptions.Token)));
            Assert.That(exception.Message, Does.Contain(UbiOpsClientOptions.TokenEnvironmentVariable));
        });
    }

    [Test]
    public void Constructor_NullOptions_ThrowsArgumentNullException()
    {
        using var http = new HttpClient();

        Assert.Throws<ArgumentNullException>(() => _ = new DeploymentRequestsClient(http, null!));
    }

    [Test]
    public void Constructor_BareHost_UsesHttpsAndApiVersionAsBaseUrl()
    {
        using var http = new HttpClient();

        var client = new DeploymentRequestsClient(http, new UbiOpsClientOptions { Token = "abc", BaseUrl = "api.example.com" });

        Assert.That(client.BaseUrl, Is.EqualTo("https://api.example.com/v2.1/"));
    }

    [Test]
    public void ToString_Always_ShowsBaseUrlButNotTheToken()
    {
        using var http = new HttpClient();

        var text = new DeploymentRequestsClient(http, new UbiOpsClientOptions { Token = "s3cr3t", BaseUrl = WireHarness.BaseUrl }).ToString();

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("http://ubiops.test/v2.1/"));
            Assert.That(text, Does.Not.Contain("s3cr3t"));
        });
    }
}
