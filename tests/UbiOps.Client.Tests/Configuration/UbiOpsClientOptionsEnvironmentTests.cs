namespace UbiOps.Client.Tests.Configuration;

/// <summary>
/// <see cref="UbiOpsClientOptions.FromEnvironment"/>. These tests change process-wide environment
/// variables, so they run alone and put the previous values back.
/// </summary>
[NonParallelizable]
public class UbiOpsClientOptionsEnvironmentTests
{
    private string? _savedToken;
    private string? _savedHost;

    [SetUp]
    public void SaveEnvironment()
    {
        _savedToken = Environment.GetEnvironmentVariable(UbiOpsClientOptions.TokenEnvironmentVariable);
        _savedHost = Environment.GetEnvironmentVariable(UbiOpsClientOptions.HostEnvironmentVariable);
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        Environment.SetEnvironmentVariable(UbiOpsClientOptions.TokenEnvironmentVariable, _savedToken);
        Environment.SetEnvironmentVariable(UbiOpsClientOptions.HostEnvironmentVariable, _savedHost);
    }

    [Test]
    public void FromEnvironment_BothSet_ReadsTokenAndHost()
    {
        Set(token: "abc", host: "https://ubiops.internal.example/v2.1");

        var options = UbiOpsClientOptions.FromEnvironment();

        Assert.Multiple(() =>
        {
            Assert.That(UbiOpsClientOptions.TokenEnvironmentVariable, Is.EqualTo("UBIOPS_API_TOKEN"));
            Assert.That(UbiOpsClientOptions.HostEnvironmentVariable, Is.EqualTo("UBIOPS_API_HOST"));
            Assert.That(options.Token, Is.EqualTo("abc"));
            Assert.That(options.BaseUrl, Is.EqualTo("https://ubiops.internal.example/v2.1"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void FromEnvironment_NoHost_UsesTheUbiOpsService(string? host)
    {
        Set(token: "abc", host: host);

        var options = UbiOpsClientOptions.FromEnvironment();

        Assert.That(options.BaseUrl, Is.EqualTo(UbiOpsClientOptions.DefaultBaseUrl));
    }

    [Test]
    public void FromEnvironment_NoToken_TokenIsNullAndValidateSaysSo()
    {
        Set(token: null, host: null);

        var options = UbiOpsClientOptions.FromEnvironment();

        Assert.Multiple(() =>
        {
            Assert.That(options.Token, Is.Null);
            Assert.That(Assert.Throws<ArgumentException>(options.Validate)!.Message, Does.Contain("UBIOPS_API_TOKEN"));
        });
    }

    [Test]
    public void FromEnvironment_BareHost_ClientAddsHttpsAndApiVersion()
    {
        Set(token: "abc", host: "localhost:8080");

        using var http = new HttpClient();
        var client = new DeploymentRequestsClient(http, UbiOpsClientOptions.FromEnvironment());

        Assert.That(client.BaseUrl, Is.EqualTo("https://localhost:8080/v2.1/"));
    }

    private static void Set(string? token, string? host)
    {
        Environment.SetEnvironmentVariable(UbiOpsClientOptions.TokenEnvironmentVariable, token);
        Environment.SetEnvironmentVariable(UbiOpsClientOptions.HostEnvironmentVariable, host);
    }
}
