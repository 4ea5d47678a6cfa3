using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>
/// <see cref="ServerHeartbeat.Silence"/> counts the time some attempt waited on the server in vain
/// since its last answer to any call: not the pauses between attempts, not the time before an answer.
/// </summary>
public sealed class ServerHeartbeatTests
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-03T10:00:00Z"));

    [Test]
    public void Silence_NothingUnanswered_IsZero()
    {
        var heartbeat = new ServerHeartbeat(_time);

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public void Silence_TwoTimeoutsBackToBack_IsBoth()
    {
        var heartbeat = new ServerHeartbeat(_time);

        Wait(10, heartbeat);
        Wait(10, heartbeat);

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    [Test]
    public void Silence_DroppedConnectionThenARetryDelayThenATimeout_IsTheTimeoutAlone()
    {
        var heartbeat = new ServerHeartbeat(_time);

        heartbeat.Unanswered(TimeSpan.Zero);  // the connection dropped at once
        _time.Advance(TimeSpan.FromSeconds(4)); // the call waits out its retry delay: nothing is asked
        Wait(1, heartbeat);

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.FromSeconds(1)));
    }

    [Test]
    public void Silence_OverlappingAttempts_CountsTheTimeTheyCoverOnce()
    {
        var heartbeat = new ServerHeartbeat(_time);

        _time.Advance(TimeSpan.FromSeconds(10));
        heartbeat.Unanswered(TimeSpan.FromSeconds(10)); // began at 0, ended at 10
        _time.Advance(TimeSpan.FromSeconds(5));
        heartbeat.Unanswered(TimeSpan.FromSeconds(10)); // began at 5, ended at 15

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.FromSeconds(15)));
    }

    [Test]
    public void Silence_AttemptThatBeganBeforeAnAnswer_CountsFromTheAnswer()
    {
        var heartbeat = new ServerHeartbeat(_time);
        _time.Advance(TimeSpan.FromSeconds(7));
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        heartbeat.Answered(ok);
        _time.Advance(TimeSpan.FromSeconds(3));

        heartbeat.Unanswered(TimeSpan.FromSeconds(10)); // began at 0, 7 s before the answer

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.FromSeconds(3)));
    }

    [TestCase(HttpStatusCode.OK, true)]
    [TestCase(HttpStatusCode.NotFound, true)]
    [TestCase(HttpStatusCode.TooManyRequests, false)]
    [TestCase(HttpStatusCode.BadGateway, false)]
    public void Answered_AnyAnswer_EndsTheSilence_AndServesUnlessAFailureOr429(HttpStatusCode status, bool served)
    {
        var heartbeat = new ServerHeartbeat(_time);
        Wait(10, heartbeat);
        using var response = new HttpResponseMessage(status);

        heartbeat.Answered(response);

        Assert.That(heartbeat.Silence, Is.EqualTo(TimeSpan.Zero));
        Assert.That(heartbeat.ServedWithin(TimeSpan.FromSeconds(1)), Is.EqualTo(served));
    }

    [Test]
    public void ServedWithin_ServedLongerAgo_IsFalse()
    {
        var heartbeat = new ServerHeartbeat(_time);
        using var ok = new HttpResponseMessage(HttpStatusCode.OK);
        heartbeat.Answered(ok);

        _time.Advance(TimeSpan.FromSeconds(11));

        Assert.That(heartbeat.ServedWithin(TimeSpan.FromSeconds(10)), Is.False);
        Assert.That(heartbeat.ServedWithin(TimeSpan.FromSeconds(11)), Is.True);
    }

    /// <summary>An attempt of <paramref name="seconds"/> that timed out.</summary>
    private void Wait(int seconds, ServerHeartbeat heartbeat)
    {
        _time.Advance(TimeSpan.FromSeconds(seconds));
        heartbeat.Unanswered(TimeSpan.FromSeconds(seconds));
    }
}
