namespace UbiOps.Client.Tests.Resilience;

public class RequestTimeoutsTests
{
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests?timeout=45", 45)]
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests?foo=1&timeout=120", 120)]
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests?timeout=7200", 3600)]
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests?timeout=0", 1)]
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests?timeout=abc", 300)]
    [TestCase("https://api.test/v2.1/projects/p/deployments/d/requests", 300)]
    public void DirectRequestTimeout_QueryParameter_IsClampedToWhatTheServerAccepts(string url, int expectedSeconds)
    {
        Assert.That(RequestTimeouts.DirectRequestTimeout(new Uri(url)), Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    [Test]
    public void DirectRequestTimeout_RelativeUrl_ReadsItsQuery()
    {
        Assert.That(RequestTimeouts.DirectRequestTimeout(new Uri("projects/p/deployments/d/requests?timeout=90", UriKind.Relative)),
            Is.EqualTo(TimeSpan.FromSeconds(90)));
    }

    [Test]
    public void Total_DirectCreate_AddsItsAttemptToTheTotalBudget()
    {
        var options = new UbiOpsResilienceOptions { TotalTimeout = TimeSpan.FromMinutes(1), DirectRequestTimeoutMargin = TimeSpan.FromSeconds(10) };
        using var create = new HttpRequestMessage(HttpMethod.Post, "https://api.test/projects/p/deployments/d/requests?timeout=600");
        using var read = new HttpRequestMessage(HttpMethod.Get, "https://api.test/projects/p/deployments/d/requests/r");

        Assert.That(RequestTimeouts.Total(create, options), Is.EqualTo(TimeSpan.FromSeconds(60 + 600 + 10)));
        Assert.That(RequestTimeouts.Total(read, options), Is.EqualTo(TimeSpan.FromMinutes(1)));
    }
}
