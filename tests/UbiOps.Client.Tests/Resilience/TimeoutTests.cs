using System.Net;
using Polly.Timeout;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>
/// How long an attempt may take. A direct create waits for the model, so its attempt lasts its own
/// <c>timeout</c> parameter plus a margin; the clock is fake and moved to just before and just at
/// the limit.
/// </summary>
public class TimeoutTests
{
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(5);

    [TestCase(20, 25)]
    [TestCase(600, 605)]
    [TestCase(3600, 3605)]
    [TestCase(99999, 3605)]
    [TestCase(null, 305)]
    public async Task Send_DirectCreate_AttemptLastsItsTimeoutParameterPlusMargin(int? timeout, int expectedSeconds)
    {
        using var harness = new ResilienceTestHarness(o => o.DirectRequestTimeoutMargin = Margin);
        harness.Network.ThenHang();

        var call = harness.Client.SendAsync(Routes.DirectCreate(Routes.NewDeployment(), timeout));
        var attempt = await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.Advance(TimeSpan.FromSeconds(expectedSeconds) - TimeSpan.FromMilliseconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.False, "still within the request's own timeout");
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.True, "abandoned at the request's timeout plus the margin");
        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
    }

    [Test]
    public async Task Send_DirectCreateThroughGeneratedClient_AttemptFollowsItsTimeoutArgument()
    {
        using var harness = new ResilienceTestHarness(o => o.DirectRequestTimeoutMargin = Margin);
        harness.Network.ThenHang();

        var call = harness.Raw().Deployment_version_requests_createAsync(RequestInput.FromObject(new { input = 1 }), "p", Routes.NewDeployment(), "v1", timeout: 1800);
        var attempt = await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));

        // Far beyond HttpClient's 100 s default and the resilience defaults (10 s / 30 s).
        harness.Time.Advance(TimeSpan.FromSeconds(1804));
        Assert.That(attempt.IsCancellationRequested, Is.False);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.True);
        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
    }

    [TestCase("get")]
    [TestCase("collect")]
    [TestCase("cancel")]
    public async Task Send_NonCreateOperation_AttemptLastsAttemptTimeout(string kind)
    {
        using var harness = new ResilienceTestHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(12);
            o.MaxRetryAttempts = 0;
        });
        harness.Network.ThenHang();

        var call = harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment()));
        var attempt = await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.Advance(TimeSpan.FromSeconds(12) - TimeSpan.FromMilliseconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.False);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.True);
        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
    }

    [Test]
    public async Task Send_BatchCreate_AttemptLastsBatchCreateTimeout()
    {
        using var harness = new ResilienceTestHarness(o => o.BatchCreateTimeout = TimeSpan.FromSeconds(90));
        harness.Network.ThenHang();

        var call = harness.Client.SendAsync(Routes.BatchCreate(Routes.NewDeployment()));
        var attempt = await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));

        harness.Time.Advance(TimeSpan.FromSeconds(89));
        Assert.That(attempt.IsCancellationRequested, Is.False);
        harness.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(attempt.IsCancellationRequested, Is.True);
        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_ReadRetryingPastTotalTimeout_GivesUp()
    {
        using var harness = new ResilienceTestHarness(o =>
        {
            o.AttemptTimeout = TimeSpan.FromSeconds(10);
            o.TotalTimeout = TimeSpan.FromSeconds(15);
            o.MaxRetryAttempts = 5;
        });
        harness.Network.ThenHang();

        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => harness.Network.Count == 2);

        harness.Time.Advance(TimeSpan.FromSeconds(5));

        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        Assert.That(harness.Network.Count, Is.EqualTo(2), "the total budget ends the second attempt");
    }

    [Test]
    public void CreateHttpClient_Always_LeavesTimeoutsToThePipeline()
    {
        using var harness = new ResilienceTestHarness();

        Assert.That(harness.Client.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan));
    }
}
