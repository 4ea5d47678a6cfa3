using System.Net;
using System.Net.Http.Headers;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>
/// A 429 or 503 waits as long as the server asks. The clock is fake: each test waits until the
/// client has started a wait of the expected length, checks nothing was sent meanwhile, then
/// moves the clock by exactly that much.
/// </summary>
public class ServerRequestedWaitTests
{
    [Test]
    public async Task Send_Answered429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network
            .ThenAnswer(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(7));
        Assert.That(harness.Network.Count, Is.EqualTo(1), "still waiting");
        harness.Time.Advance(TimeSpan.FromSeconds(7));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Requests[1].At - harness.Network.Requests[0].At, Is.EqualTo(TimeSpan.FromSeconds(7)));
    }

    [Test]
    public async Task Send_Answered429WithRetryAfterDate_WaitsUntilThatDate()
    {
        using var harness = new ResilienceTestHarness();
        var until = harness.Time.GetUtcNow().AddSeconds(9);
        harness.Network
            .ThenAnswer(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(until))
            .ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.DirectCreate(Routes.NewDeployment()));
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(9));
        harness.Time.Advance(TimeSpan.FromSeconds(9));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Requests[1].At, Is.EqualTo(until));
    }

    [Test]
    public async Task Send_Answered429WithRateLimitReset_WaitsUntilTheWindowResets()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network
            .ThenAnswer(HttpStatusCode.TooManyRequests, configure: r =>
            {
                r.Headers.Add("x-ratelimit-limit", "300");
                r.Headers.Add("x-ratelimit-remaining", "0");
                r.Headers.Add("x-ratelimit-reset", "12");
            })
            .ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.BatchCreate(Routes.NewDeployment()));
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(12));
        Assert.That(harness.Network.Count, Is.EqualTo(1), "still waiting");
        harness.Time.Advance(TimeSpan.FromSeconds(12));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Requests[1].At - harness.Network.Requests[0].At, Is.EqualTo(TimeSpan.FromSeconds(12)));
    }

    [Test]
    public async Task Send_Answered503WithRetryAfter_WaitsThatLong()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network
            .ThenAnswer(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(4)))
            .ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Time.WaitForTimerAsync(TimeSpan.FromSeconds(4));
        harness.Time.Advance(TimeSpan.FromSeconds(4));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Requests[1].At - harness.Network.Requests[0].At, Is.EqualTo(TimeSpan.FromSeconds(4)));
    }

    [Test]
    public async Task Send_Answered429AskingLongerThanMaxRetryDelay_ReturnsThe429WithoutWaiting()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryDelay = TimeSpan.FromSeconds(30));
        harness.Network
            .ThenAnswer(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(31)))
            .ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }
}
