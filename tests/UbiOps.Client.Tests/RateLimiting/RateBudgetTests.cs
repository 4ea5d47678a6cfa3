using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace UbiOps.Client.Tests.RateLimiting;

public class RateBudgetTests
{
    private static HttpResponseMessage Answer(int limit, int remaining, double resetSeconds)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK);
        response.Headers.Add("x-ratelimit-limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-ratelimit-remaining", remaining.ToString(System.Globalization.CultureInfo.InvariantCulture));
        response.Headers.Add("x-ratelimit-reset", resetSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    [Test]
    public async Task AcquireAsync_NoHeadersSeen_NeverWaits()
    {
        var budget = new RateBudget(new FakeTimeProvider());

        for (var i = 0; i < 1000; i++)
        {
            using var lease = await budget.AcquireAsync(CallPriority.Normal, CancellationToken.None);
        }

        Assert.That(budget.Snapshot(), Is.Null);
    }

    [Test]
    public async Task AcquireAsync_WindowUsedUp_WaitsForItsResetInsteadOfSending()
    {
        var time = new FakeTimeProvider();
        var budget = new RateBudget(time);
        budget.Observe(Answer(limit: 300, remaining: 0, resetSeconds: 20));

        var waiting = budget.AcquireAsync(CallPriority.Normal, CancellationToken.None).AsTask();
        time.Advance(TimeSpan.FromSeconds(19));
        await Task.Delay(50);
        Assert.That(waiting.IsCompleted, Is.False, "no call before the window resets");
        Assert.That(budget.WaitingUntil, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(1)));

        time.Advance(TimeSpan.FromSeconds(1.1));
        (await waiting).Dispose();
        Assert.That(budget.WaitingUntil, Is.Null);
    }

    [Test]
    public async Task AcquireAsync_CallsInFlight_CountAgainstWhatIsLeft()
    {
        var time = new FakeTimeProvider();
        var budget = new RateBudget(time);
        budget.Observe(Answer(limit: 300, remaining: 2, resetSeconds: 30));

        var first = await budget.AcquireAsync(CallPriority.Normal, CancellationToken.None);
        var second = await budget.AcquireAsync(CallPriority.Normal, CancellationToken.None);
        var third = budget.AcquireAsync(CallPriority.Normal, CancellationToken.None).AsTask();
        await Task.Delay(50);

        Assert.That(third.IsCompleted, Is.False, "two answers are not in: the server may count them already");
        first.Dispose();
        second.Dispose();
        budget.Observe(Answer(limit: 300, remaining: 1, resetSeconds: 29)); // the server counted one of them only
        (await third).Dispose();
    }

    [Test]
    public async Task AcquireAsync_WindowResetsWithRoomForOne_TheCreateGoesBeforeTheWaitingPoll()
    {
        var time = new FakeTimeProvider();
        var budget = new RateBudget(time);
        budget.Observe(Answer(limit: 1, remaining: 0, resetSeconds: 5));
        var order = new List<string>();

        var poll = Task.Run(async () => { using var _ = await budget.AcquireAsync(CallPriority.Normal, CancellationToken.None); lock (order) order.Add("poll"); });
        await Task.Delay(50);
        var createLease = budget.AcquireAsync(CallPriority.Create, CancellationToken.None).AsTask();
        await Task.Delay(50);
        time.Advance(TimeSpan.FromSeconds(5.1)); // the window turns: one call, and a create waits for it

        var lease = await createLease.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.That(order, Is.Empty, "the poll waited while the create took the only call");
        budget.Observe(Answer(limit: 1, remaining: 0, resetSeconds: 60)); // the create's answer: the window is used up
        lease.Dispose();
        time.Advance(TimeSpan.FromSeconds(60.1));
        await poll.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.That(order, Is.EqualTo(new[] { "poll" }));
    }

    [Test]
    public void Observe_AnswersOfOneWindowOutOfOrder_KeepTheLowestCountAndEarliestReset()
    {
        var time = new FakeTimeProvider();
        var budget = new RateBudget(time);

        budget.Observe(Answer(limit: 300, remaining: 10, resetSeconds: 21)); // rounded up from 20.2 s
        budget.Observe(Answer(limit: 300, remaining: 12, resetSeconds: 20)); // an older answer, arriving late

        var snapshot = budget.Snapshot()!.Value;
        Assert.That(snapshot.Available, Is.EqualTo(10));
        Assert.That(snapshot.ResetAt, Is.EqualTo(time.GetUtcNow() + TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void AcquireAsync_Cancelled_ThrowsAndLeavesNoWaiter()
    {
        var time = new FakeTimeProvider();
        var budget = new RateBudget(time);
        budget.Observe(Answer(limit: 300, remaining: 0, resetSeconds: 60));
        using var cts = new CancellationTokenSource();

        var waiting = budget.AcquireAsync(CallPriority.Create, cts.Token).AsTask();
        cts.Cancel();

        Assert.CatchAsync<OperationCanceledException>(async () => await waiting);
        budget.Observe(Answer(limit: 300, remaining: 5, resetSeconds: 120)); // a new window
        Assert.That(budget.AcquireAsync(CallPriority.Normal, CancellationToken.None).IsCompleted, Is.True,
            "a cancelled create no longer holds polls back");
    }
}
