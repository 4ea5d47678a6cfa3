namespace UbiOps.Client.Tests.Configuration;

/// <summary>Token and base URL normalization, as the official clients do it.</summary>
public class ConnectionSettingsTests
{
    [TestCase("abc", "Token abc")]
    [TestCase("Token abc", "Token abc")]
    [TestCase("token abc", "Token abc")]
    [TestCase("TOKEN abc", "Token abc")]
    [TestCase("  abc\t", "Token abc")]
    [TestCase("Token    abc ", "Token abc")]
    [TestCase("Tokenabc", "Token Tokenabc")]
    public void NormalizeToken_Token_HasExactlyOnePrefix(string token, string expected)
    {
        Assert.That(ConnectionSettings.NormalizeToken(token), Is.EqualTo(expected));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void NormalizeToken_Empty_ThrowsArgumentExceptionSayingEmpty(string? token)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectionSettings.NormalizeToken(token!));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo("token"));
            Assert.That(exception.Message, Does.Contain("token is empty"));
        });
    }

    [TestCase("Token")]
    [TestCase("Token ")]
    [TestCase("token   ")]
    public void NormalizeToken_PrefixOnly_ThrowsArgumentExceptionSayingEmpty(string token)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectionSettings.NormalizeToken(token));

        Assert.That(exception!.Message, Does.Contain("token is empty"));
    }

    [TestCase("abc\r\nX-Injected: 1")]
    [TestCase("Token abc\ndef")]
    public void NormalizeToken_ControlCharacter_ThrowsWithoutEchoingTheToken(string token)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectionSettings.NormalizeToken(token));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain("control character"));
            Assert.That(exception.Message, Does.Not.Contain("abc"));
        });
    }

    [TestCase("abcé123", 4)]
    [TestCase("Token abc def", 4)]
    public void NormalizeToken_NotPrintableAscii_ThrowsNamingThePositionOnly(string token, int position)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectionSettings.NormalizeToken(token));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.Message, Does.Contain($"position {position}"));
            Assert.That(exception.Message, Does.Not.Contain("abc"));
        });
    }

    [TestCase("https://api.ubiops.com/v2.1", "https://api.ubiops.com/v2.1")]
    [TestCase("https://api.ubiops.com/v2.1/", "https://api.ubiops.com/v2.1")]
    [TestCase("  https://api.ubiops.com/v2.1  ", "https://api.ubiops.com/v2.1")]
    [TestCase("https://api.ubiops.com", "https://api.ubiops.com/v2.1")]
    [TestCase("https://api.ubiops.com/", "https://api.ubiops.com/v2.1")]
    [TestCase("api.ubiops.com", "https://api.ubiops.com/v2.1")]
    [TestCase("api.ubiops.com/v2.1", "https://api.ubiops.com/v2.1")]
    [TestCase("localhost:5000", "https://localhost:5000/v2.1")]
    [TestCase("http://127.0.0.1:5000", "http://127.0.0.1:5000/v2.1")]
    [TestCase("HTTPS://API.UBIOPS.COM", "https://api.ubiops.com/v2.1")]
    [TestCase("https://api.ubiops.com:443/v2.1", "https://api.ubiops.com/v2.1")]
    [TestCase("https://gateway.example.com/ubiops/v2.1", "https://gateway.example.com/ubiops/v2.1")]
    public void NormalizeBaseUrl_UrlOrHost_ReturnsAbsoluteUrlWithApiVersion(string baseUrl, string expected)
    {
        Assert.That(ConnectionSettings.NormalizeBaseUrl(baseUrl), Is.EqualTo(expected));
    }

    [TestCase(null, "is empty")]
    [TestCase("", "is empty")]
    [TestCase("  ", "is empty")]
    [TestCase("ftp://api.ubiops.com/v2.1", "is not a valid http or https URL")]
    [TestCase("file:///etc/passwd", "is not a valid http or https URL")]
    [TestCase("https://", "is not a valid http or https URL")]
    [TestCase("https://api ubiops.com", "is not a valid http or https URL")]
    [TestCase("https://api.ubiops.com/v2.1?version=2", "must not contain a query or fragment")]
    [TestCase("https://api.ubiops.com/v2.1#top", "must not contain a query or fragment")]
    [TestCase("https://user:secret@api.ubiops.com/v2.1", "must not contain user credentials")]
    public void NormalizeBaseUrl_BadUrl_ThrowsArgumentExceptionNamingTheProblem(string? baseUrl, string problem)
    {
        var exception = Assert.Throws<ArgumentException>(() => ConnectionSettings.NormalizeBaseUrl(baseUrl!));

        Assert.Multiple(() =>
        {
            Assert.That(exception!.ParamName, Is.EqualTo("baseUrl"));
            Assert.That(exception.Message, Does.Contain("base URL").And.Contain(problem));
            Assert.That(exception.Message, Does.Not.Contain("secret"));
        });
    }
}
