namespace UbiOps.Client.Tests.Running;

public class PollPlannerTests
{
    private static readonly DateTimeOffset T0 = new(2020, 3, 28, 20, 0, 0, TimeSpan.Zero);

    private static PollPlanner Planner(InstantTimeProvider clock) =>
        new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), clock);

    private static DeploymentRequestBatchDetail Finished(double startedSeconds, double completedSeconds) => new()
    {
        Id = Guid.NewGuid().ToString(), Deployment = "d", Version = "v1", Status = RequestStatus.Completed, TimeCreated = T0,
        TimeStarted = T0.AddSeconds(startedSeconds), TimeCompleted = T0.AddSeconds(completedSeconds),
    };

    private static TimeSpan Pause(InstantTimeProvider clock, long due) => TimeSpan.FromTicks(due - clock.GetTimestamp());

    [Test]
    public void DueAt_NothingSeenYet_IsTheFirstPollDelayAfterWorkArrived()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();

        Assert.That(Pause(clock, planner.DueAt(250, 0, scarce: false, lastSet: false, newestAccepted: clock.GetTimestamp())), Is.EqualTo(TimeSpan.FromMilliseconds(100)));
    }

    [Test]
    public void DueAt_PollsFindNothingFinished_PauseDoublesToTheLongestWithoutOverflowing()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();
        for (var i = 0; i < 1000; i++)
        {
            planner.Sending(250);
            planner.Answered([], stillUnfinished: 250, stillPending: 250);
        }

        Assert.That(Pause(clock, planner.DueAt(250, 0, scarce: false, lastSet: false, newestAccepted: clock.GetTimestamp())), Is.EqualTo(TimeSpan.FromSeconds(30)));
    }

    [Test]
    public void DueAt_FourWorkersOfHalfASecond_PollsWhenTheNextSetShouldBeNearlyDone()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();
        planner.Sending(250);
        // Four ran side by side for 0.5 s: the server finishes 8 per second.
        planner.Answered([Finished(0, 0.5), Finished(0, 0.5), Finished(0, 0.5), Finished(0, 0.5)], stillUnfinished: 246, stillPending: 242);

        var pause = Pause(clock, planner.DueAt(246, 0, scarce: false, lastSet: false, newestAccepted: clock.GetTimestamp()));

        Assert.That(pause.TotalSeconds, Is.EqualTo(246 * 0.95 / 8).Within(0.01), "95% of the set at 8 per second");
    }

    [Test]
    public void DueAt_ScarceBudget_WaitsUntilTheWholeSetShouldBeDone()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();
        planner.Sending(250);
        planner.Answered(Enumerable.Range(0, 100).Select(i => Finished(i * 0.01, i * 0.01 + 0.01)).ToArray(), stillUnfinished: 150, stillPending: 149);

        var normal = Pause(clock, planner.DueAt(250, 0, scarce: false, lastSet: false, newestAccepted: clock.GetTimestamp()));
        var scarce = Pause(clock, planner.DueAt(250, 0, scarce: true, lastSet: false, newestAccepted: clock.GetTimestamp()));

        Assert.That(scarce, Is.GreaterThan(normal));
        Assert.That(scarce.TotalSeconds, Is.EqualTo(250 * 1.1 / 100).Within(0.01), "the whole set and a margin at 100 per second");
    }

    [Test]
    public void DueAt_ServerKeepsUp_SetIsDueALatencyAfterItsNewestRequestWasAccepted()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();
        planner.Sending(250);
        // Requests came in over a second, each starting as it was created and taking 20 ms: the
        // server finishes 250 a second, but nothing waits in a queue.
        var fast = Enumerable.Range(0, 250).Select(i => new DeploymentRequestBatchDetail
        {
            Id = $"r{i}", Deployment = "d", Version = "v1", Status = RequestStatus.Completed, TimeCreated = T0.AddMilliseconds(4 * i),
            TimeStarted = T0.AddMilliseconds(4 * i), TimeCompleted = T0.AddMilliseconds(4 * i + 20),
        }).ToArray();
        planner.Answered(fast, stillUnfinished: 0, stillPending: 0);
        var accepted = clock.GetTimestamp();

        var pause = Pause(clock, planner.DueAt(250, 0, scarce: false, lastSet: false, newestAccepted: accepted));

        Assert.That(pause.TotalMilliseconds, Is.EqualTo(20 * 1.2 + 5).Within(1), "the latency and a margin after the set was accepted");
    }

    [Test]
    public void DueAt_PollsFindFarLessThanTheRatePromised_BackOff()
    {
        var clock = new InstantTimeProvider();
        var planner = Planner(clock);
        planner.WorkArrived();
        planner.Sending(250);
        planner.Answered(Enumerable.Range(0, 250).Select(i => Finished(0, 0.001)).ToArray(), stillUnfinished: 1, stillPending: 0);
        var first = Pause(clock, planner.DueAt(1, 0, scarce: false, lastSet: true, newestAccepted: clock.GetTimestamp()));
        for (var i = 0; i < 5; i++)
        {
            clock.GetTimestamp();
            _ = Task.Delay(TimeSpan.FromSeconds(1), clock); // time passes, the one request does not finish
            planner.Sending(1);
            planner.Answered([], stillUnfinished: 1, stillPending: 0);
        }

        var later = Pause(clock, planner.DueAt(1, 0, scarce: false, lastSet: true, newestAccepted: clock.GetTimestamp()));

        Assert.That(later, Is.GreaterThan(first * 10), "a request much slower than the rest is not polled every few milliseconds");
    }
}
