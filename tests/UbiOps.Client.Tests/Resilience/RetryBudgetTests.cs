using System.Net;
using Polly.Timeout;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>
/// What a call's retries are counted against: a 429 waits without counting, a failure of one call
/// on a server that serves others gets more tries, and a server that answers nothing at all ends
/// the call after twice the attempt's timeout.
/// </summary>
public class RetryBudgetTests
{
    [Test]
    public async Task Send_Answered429MoreOftenThanMaxRetryAttempts_KeepsWaitingAndSucceeds()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 1);
        for (var i = 0; i < 5; i++)
        {
            harness.Network.ThenAnswer(HttpStatusCode.TooManyRequests);
        }

        harness.Network.ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(7), "five 429s waited out, then the one retry the budget allows");
    }

    [Test]
    public async Task Send_429sThenMoreFailuresThanTheBudgetOnASilentServer_StopsAtTheBudget()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 1);
        harness.Network.ThenAnswer(HttpStatusCode.TooManyRequests).ThenAnswer(HttpStatusCode.ServiceUnavailable)
            .ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable), "no call was served: the budget is all there is");
        Assert.That(harness.Network.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Send_CreateAnswered429MoreOftenThanMaxRetryAttempts_IsStillSentUntilAccepted()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 1);
        harness.Network.ThenAnswer(HttpStatusCode.TooManyRequests).ThenAnswer(HttpStatusCode.TooManyRequests)
            .ThenAnswer(HttpStatusCode.TooManyRequests).ThenAnswer(HttpStatusCode.OK, "[]");

        using var response = await harness.Client.SendAsync(Routes.For("batch-create", Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(4));
    }

    [Test]
    public async Task Send_ReadFailingBeyondTheBudgetWhileOtherCallsAreServed_IsRetriedUpToMaxRetryAttemptsWhileServing()
    {
        using var harness = new ResilienceTestHarness(o => (o.MaxRetryAttempts, o.MaxRetryAttemptsWhileServing) = (1, 3));
        harness.Network.ThenAnswer(HttpStatusCode.OK);
        using (await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment())))
        {
            // Another call was served just now: the server works.
        }

        for (var i = 0; i < 5; i++)
        {
            harness.Network.ThenAnswer(HttpStatusCode.BadGateway);
        }

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadGateway));
        Assert.That(harness.Network.Count - 1, Is.EqualTo(4), "the first attempt and three retries");
    }

    [Test]
    public async Task Send_ReadFailingOnceMoreThanTheBudgetWhileServed_Succeeds()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 2);
        harness.Network.ThenAnswer(HttpStatusCode.OK);
        using (await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment())))
        {
        }

        harness.Network.ThenAnswer(HttpStatusCode.InternalServerError).ThenAnswer(HttpStatusCode.ServiceUnavailable)
            .ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the fourth attempt's answer, not the third failure");
    }

    [Test]
    public async Task Send_ServerAnswersNothingForTwiceTheAttemptTimeout_StopsRetrying()
    {
        using var harness = new ResilienceTestHarness(o => (o.AttemptTimeout, o.MaxRetryAttempts) = (TimeSpan.FromSeconds(10), 5));
        harness.Network.ThenHang();

        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => harness.Network.Count == 2);
        harness.Time.Advance(TimeSpan.FromSeconds(10));

        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        Assert.That(harness.Network.Count, Is.EqualTo(2), "silent for 20 s: not retried a third time");
    }

    [Test]
    public async Task Send_OtherCallsAnsweredMeanwhile_TimeoutsAreRetriedAsUsual()
    {
        using var harness = new ResilienceTestHarness(o => (o.AttemptTimeout, o.MaxRetryAttempts) = (TimeSpan.FromSeconds(10), 3));
        harness.Network.ThenHang();
        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => harness.Network.Count == 2);

        // Another call is answered while the second attempt hangs: the server is not silent.
        harness.Network.ThenAnswer(HttpStatusCode.OK);
        using (await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment())))
        {
        }

        harness.Time.Advance(TimeSpan.FromSeconds(10));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(4), "two attempts timed out, the other call, the third attempt");
    }
}
