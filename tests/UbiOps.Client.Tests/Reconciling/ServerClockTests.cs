namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// The server's clock against ours, learnt from creates: every request a create made was created
/// between its sending and its answer, shifted by the offset. A lost answer's window is where that
/// offset allows its requests to be.
/// </summary>
public class ServerClockTests
{
    private static readonly DateTimeOffset T = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    [Test]
    public void Window_NothingLearnt_AssumesTwoMinutesEitherWayAndASecondOfSlack()
    {
        var window = new ServerClock().Window(T, T.AddSeconds(5));

        Assert.That(window, Is.EqualTo((T.AddMinutes(-2).AddSeconds(-1), T.AddSeconds(5).AddMinutes(2).AddSeconds(1))));
    }

    [Test]
    public void Window_OneCreate_TheOffsetBetweenItsAnswerAndItsSending()
    {
        var clock = new ServerClock();
        // Sent at T, answered at T+1 s; the server says it made the requests at T+10.3 and T+10.4 s:
        // its clock is 9.4 s to 10.3 s ahead of ours.
        clock.Observe(T, T.AddSeconds(1), [T.AddMilliseconds(10_300), T.AddMilliseconds(10_400)]);

        var window = clock.Window(T.AddSeconds(100), T.AddSeconds(105));

        Assert.That(window, Is.EqualTo((T.AddMilliseconds(100_000 + 9_400 - 1_000), T.AddMilliseconds(105_000 + 10_300 + 1_000))));
    }

    [Test]
    public void Observe_AgreeingCreates_KeepWhatTheyAgreeOn()
    {
        var clock = new ServerClock();
        clock.Observe(T, T.AddSeconds(2), [T.AddSeconds(1)]);            // offset in [-1, +1]
        clock.Observe(T.AddSeconds(10), T.AddSeconds(11), [T.AddMilliseconds(10_500)]); // offset in [-0.5, +0.5]

        var window = clock.Window(T.AddSeconds(20), T.AddSeconds(21));

        Assert.That(window, Is.EqualTo((T.AddMilliseconds(20_000 - 500 - 1_000), T.AddMilliseconds(21_000 + 500 + 1_000))));
    }

    [Test]
    public void Observe_NarrowerThenWider_KeepsTheNarrowerBounds()
    {
        var clock = new ServerClock();
        clock.Observe(T.AddSeconds(10), T.AddSeconds(11), [T.AddMilliseconds(10_500)]); // [-0.5, +0.5]
        clock.Observe(T, T.AddSeconds(4), [T.AddSeconds(2)]);                 // [-2, +2]

        var window = clock.Window(T.AddSeconds(20), T.AddSeconds(21));

        Assert.That(window, Is.EqualTo((T.AddMilliseconds(20_000 - 500 - 1_000), T.AddMilliseconds(21_000 + 500 + 1_000))));
    }

    [Test]
    public void Observe_ClockMoved_TheNewestObservationAlone()
    {
        var clock = new ServerClock();
        clock.Observe(T, T.AddSeconds(1), [T.AddMilliseconds(500)]);                 // [-0.5, +0.5]
        clock.Observe(T.AddSeconds(10), T.AddSeconds(11), [T.AddMilliseconds(40_500)]); // [+29.5, +30.5]: disjoint

        var window = clock.Window(T.AddSeconds(20), T.AddSeconds(21));

        Assert.That(window, Is.EqualTo((T.AddMilliseconds(20_000 + 29_500 - 1_000), T.AddMilliseconds(21_000 + 30_500 + 1_000))));
    }

    [Test]
    public void Observe_TouchingBounds_StillAgree()
    {
        var clock = new ServerClock();
        clock.Observe(T, T.AddSeconds(1), [T.AddSeconds(1)]);   // [0, +1]
        clock.Observe(T, T.AddSeconds(1), [T]);                 // [-1, 0]: agree at exactly 0

        var window = clock.Window(T.AddSeconds(20), T.AddSeconds(21));

        Assert.That(window, Is.EqualTo((T.AddSeconds(20 - 1), T.AddSeconds(21 + 1))));
    }

    [Test]
    public void Observe_NoCreationTimes_LearnsNothing()
    {
        var clock = new ServerClock();
        clock.Observe(T, T.AddSeconds(1), [default, default]);

        Assert.That(clock.Window(T, T), Is.EqualTo(new ServerClock().Window(T, T)));
    }

    [Test]
    public void Window_OnlyADateHeaderSeen_ItsSecondsWithAMarginOfFiveSeconds()
    {
        var clock = new ServerClock();
        // Sent at T, answered at T+1 s, dated T+30 s: the server's clock is 29 s to 32 s ahead
        // (a Date is to the second and may be a second old).
        clock.ObserveDate(T, T.AddSeconds(1), T.AddSeconds(30));

        var window = clock.Window(T.AddSeconds(100), T.AddSeconds(105));

        Assert.That(window, Is.EqualTo((T.AddSeconds(100 + 29 - 5 - 1), T.AddSeconds(105 + 32 + 5 + 1))));
    }

    [Test]
    public void ObserveDate_AgreeingDates_KeepWhatTheyAgreeOn()
    {
        var clock = new ServerClock();
        clock.ObserveDate(T, T.AddSeconds(1), T);                          // [-1, +2]
        clock.ObserveDate(T.AddSeconds(10), T.AddSeconds(10), T.AddSeconds(9)); // [-1, +1]

        var window = clock.Window(T.AddSeconds(100), T.AddSeconds(100));

        Assert.That(window, Is.EqualTo((T.AddSeconds(100 - 1 - 5 - 1), T.AddSeconds(100 + 1 + 5 + 1))));
    }

    [Test]
    public void Window_CreateAndDateSeen_TheCreateDecidesAlone()
    {
        var clock = new ServerClock();
        clock.ObserveDate(T, T.AddSeconds(1), T.AddSeconds(30));
        clock.Observe(T, T.AddSeconds(1), [T.AddMilliseconds(500)]); // [-0.5, +0.5]

        var window = clock.Window(T.AddSeconds(20), T.AddSeconds(21));

        Assert.That(window, Is.EqualTo((T.AddMilliseconds(20_000 - 500 - 1_000), T.AddMilliseconds(21_000 + 500 + 1_000))));
    }
}
