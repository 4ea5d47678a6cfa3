namespace UbiOps.Client.Tests.Configuration;

/// <summary>Defaults, validation and the secret-free text of the options.</summary>
public class UbiOpsClientOptionsTests
{
    [Test]
    public void Constructor_Defaults_NoTokenAndTheUbiOpsService()
    {
        var options = new UbiOpsClientOptions();

        Assert.Multiple(() =>
        {
            Assert.That(options.Token, Is.Null);
            Assert.That(options.BaseUrl, Is.EqualTo("https://api.ubiops.com/v2.1"));
            Assert.That(UbiOpsClientOptions.SectionName, Is.EqualTo("UbiOps"));
        });
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Validate_NoToken_ThrowsNamingTokenAndEnvironmentVariable(string? token)
    {
        var options = new UbiOpsClientOptions { Token = token };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo(nameof(UbiOpsClientOptions.Token)));
            Assert.That(exception.Message, Does.Contain("No UbiOps API token").And.Contain("UBIOPS_API_TOKEN"));
        });
    }

    [Test]
    public void Validate_PrefixOnlyToken_Throws()
    {
        var options = new UbiOpsClientOptions { Token = "Token " };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(exception!.Message, Does.Contain("token is empty"));
    }

    [TestCase("", "is empty")]
    [TestCase("ftp://api.ubiops.com", "is not a valid http or https URL")]
    [TestCase("https://api.ubiops.com/v2.1?x=1", "must not contain a query or fragment")]
    public void Validate_BadBaseUrl_ThrowsNamingTheProblem(string baseUrl, string problem)
    {
        var options = new UbiOpsClientOptions { Token = "abc", BaseUrl = baseUrl };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(exception!.Message, Does.Contain("base URL").And.Contain(problem));
    }

    [TestCase("10.0.0.300")]
    [TestCase("host.local")]
    [TestCase("")]
    public void Validate_SourceAddressNotAnIpAddress_ThrowsNamingIt(string address)
    {
        var options = new UbiOpsClientOptions { Token = "abc", SourceAddress = address };

        var exception = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(exception!.Message, Does.Contain("SourceAddress must be an IP address").And.Contain($"'{address}'"));
    }

    [TestCase("10.0.0.7")]
    [TestCase("2001:db8::7")]
    public void Validate_SourceAddressIpV4OrV6_Passes(string address)
    {
        var options = new UbiOpsClientOptions { Token = "abc", SourceAddress = address };

        Assert.DoesNotThrow(options.Validate);
    }

    [Test]
    public void ToString_WithToken_HidesIt()
    {
        var options = new UbiOpsClientOptions { Token = "Token s3cr3t", BaseUrl = "https://api.example.com/v2.1" };

        Assert.That(options.ToString(), Is.EqualTo("UbiOpsClientOptions { BaseUrl = https://api.example.com/v2.1, Token = *** }"));
    }

    [Test]
    public void ToString_WithoutToken_SaysNone()
    {
        Assert.That(new UbiOpsClientOptions().ToString(),
            Is.EqualTo("UbiOpsClientOptions { BaseUrl = https://api.ubiops.com/v2.1, Token = (none) }"));
    }
}
