namespace UbiOps.Client.Tests.Resilience;

public class RequestTimeoutsTests
{
    [TestCase(45, 45)]
    [TestCase(120, 120)]
    [TestCase(7200, 3600)]
    [TestCase(0, 1)]
    [TestCase(null, 300)]
    public void DirectRequestTimeout_RequestsOwn_IsClampedToWhatTheServerAccepts(int? seconds, int expectedSeconds)
    {
        var requested = seconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        Assert.That(RequestTimeouts.DirectRequestTimeout(requested), Is.EqualTo(TimeSpan.FromSeconds(expectedSeconds)));
    }

    [Test]
    public void Total_DirectCreate_AddsItsAttemptToTheTotalBudget()
    {
        var options = new UbiOpsResilienceOptions { TotalTimeout = TimeSpan.FromMinutes(1), DirectRequestTimeoutMargin = TimeSpan.FromSeconds(10) };
        using var create = Routes.DirectCreate("d", timeout: 600);
        using var read = Routes.Get("d");

        Assert.Multiple(() =>
        {
            Assert.That(RequestTimeouts.Total(create, options), Is.EqualTo(TimeSpan.FromSeconds(60 + 600 + 10)));
            Assert.That(RequestTimeouts.Total(read, options), Is.EqualTo(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public void Attempt_ByTimeoutRule_DirectBatchAndCall()
    {
        var options = new UbiOpsResilienceOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(7), BatchCreateTimeout = TimeSpan.FromSeconds(77), DirectRequestTimeoutMargin = TimeSpan.FromSeconds(5),
        };
        using var direct = Routes.DirectCreate("d", timeout: 20);
        using var batch = Routes.BatchCreate("d");
        using var read = Routes.Get("d");
        using var other = new HttpRequestMessage(HttpMethod.Get, "https://api.test/v2.1/status");

        Assert.Multiple(() =>
        {
            Assert.That(RequestTimeouts.Attempt(direct, options), Is.EqualTo(TimeSpan.FromSeconds(25)));
            Assert.That(RequestTimeouts.Attempt(batch, options), Is.EqualTo(TimeSpan.FromSeconds(77)));
            Assert.That(RequestTimeouts.Attempt(read, options), Is.EqualTo(TimeSpan.FromSeconds(7)));
            Assert.That(RequestTimeouts.Attempt(other, options), Is.EqualTo(TimeSpan.FromSeconds(7)));
        });
    }
}
