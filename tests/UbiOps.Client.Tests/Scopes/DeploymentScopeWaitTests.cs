namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeWaitTests
{
    private static WaitOptions Fast(InstantTimeProvider clock) => new()
    {
        FirstPollDelay = TimeSpan.FromSeconds(1),
        MaxPollInterval = TimeSpan.FromSeconds(5),
        TimeProvider = clock,
    };

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Test]
    public async Task WaitAsync_600Ids_PollsOnlyWithCollectsOfAtMost250()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { StatusOf = (_, poll) => poll < 3 ? "processing" : "completed" };
        var ids = Enumerable.Range(0, 600).Select(i => $"id-{i}").ToArray();

        var finished = await ToListAsync(api.Echo.WaitAsync(ids, Fast(new InstantTimeProvider())));

        Assert.That(finished.Select(d => d.Id), Is.EquivalentTo(ids));
        Assert.That(api.Sent.Select(s => (s.Method.Method, s.Url)), Is.All.EqualTo(("POST", ApiMock.DefaultRequests + "/collect")),
            "never one GET per request");
        Assert.That(api.Sent.Select(s => s.BodyJson.Count()), Is.All.LessThanOrEqualTo(250));
        Assert.That(api.Sent.Select(s => s.BodyJson.Count()).Sum(), Is.EqualTo(600 * 3), "each id polled until its third poll, no more");
    }

    [Test]
    public async Task WaitAsync_CancelledPending_KeepsWaitingUntilCancelled()
    {
        using var api = new ApiMock();
        var statuses = new[] { "processing", "cancelled_pending", "cancelled_pending", "cancelled" };
        _ = new FakeBatchServer(api) { StatusOf = (_, poll) => statuses[poll - 1] };

        var finished = await ToListAsync(api.Echo.WaitAsync(["r1"], Fast(new InstantTimeProvider())));

        Assert.That(finished.Single().Status, Is.EqualTo(RequestStatus.Cancelled));
        Assert.That(api.Sent, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task WaitAsync_UnknownStatus_IsNotTerminal()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (_, poll) => poll == 1 ? "quarantined" : "failed" };

        var finished = await ToListAsync(api.Echo.WaitAsync(["r1"], Fast(new InstantTimeProvider())));

        Assert.That(finished.Single().Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(finished.Single().ErrorMessage, Is.EqualTo("boom r1"));
        Assert.That(api.Sent, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task WaitAsync_FirstFinishesEarly_IsYieldedBeforeTheOthersFinish()
    {
        using var api = new ApiMock();
        var slowDone = false;
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "fast" || Volatile.Read(ref slowDone) ? "completed" : "processing" };
        var options = new WaitOptions { FirstPollDelay = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };

        await using var results = api.Echo.WaitAsync(["slow", "fast"], options).GetAsyncEnumerator();

        Assert.That(await results.MoveNextAsync(), Is.True, "yielded while the other is still processing");
        Assert.That(results.Current.Id, Is.EqualTo("fast"));
        Volatile.Write(ref slowDone, true);
        Assert.That(await results.MoveNextAsync(), Is.True);
        Assert.That(results.Current.Id, Is.EqualTo("slow"));
        Assert.That(await results.MoveNextAsync(), Is.False);
    }

    [Test]
    public async Task WaitAsync_NothingFinishedYet_PausesDoubleUpToTheLongest()
    {
        using var api = new ApiMock();
        var clock = new InstantTimeProvider();
        FakeBatchServer server;
        server = new FakeBatchServer(api, clock: clock) { StatusOf = (_, poll) => poll < 6 ? "pending" : "completed" };

        await ToListAsync(api.Echo.WaitAsync(["r1"], Fast(clock)));

        // While no request has finished there is no rate to time polls from: at 1 s, then 2, 4, at most 5 s apart.
        var times = server.CollectTimes.Select(t => t - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero)).ToArray();
        Assert.That(times.Zip(times.Skip(1), (a, b) => b - a).Prepend(times[0]), Is.EqualTo(new[] { 1, 2, 4, 5, 5, 5 }.Select(s => TimeSpan.FromSeconds(s))));
    }

    [Test]
    public async Task WaitAsync_OverallTimeout_ThrowsNamingTheUnfinishedRequests()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "done" ? "completed" : "processing" };
        var clock = new InstantTimeProvider();
        var options = Fast(clock);
        options.Timeout = TimeSpan.FromSeconds(10);

        var yielded = new List<string>();
        var error = Assert.ThrowsAsync<WaitTimeoutException>(async () =>
        {
            await foreach (var detail in api.Echo.WaitAsync(["a", "done", "b"], options))
            {
                yielded.Add(detail.Id);
            }
        });

        Assert.That(error!.Message, Does.Contain("2 of 3"));
        Assert.That(error.UnfinishedRequestIds, Is.EqualTo(new[] { "a", "b" }));
        Assert.That(yielded, Is.EqualTo(new[] { "done" }));
        Assert.That(clock.GetUtcNow() - new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), Is.EqualTo(TimeSpan.FromSeconds(10)),
            "gave up exactly at the timeout");
    }

    [Test]
    public async Task WaitAsync_Progress_ReportsCountsAfterEveryPoll()
    {
        using var api = new ApiMock();
        var final = new Dictionary<string, string> { ["a"] = "completed", ["b"] = "failed", ["c"] = "cancelled", ["d"] = "completed" };
        _ = new FakeBatchServer(api) { StatusOf = (id, poll) => poll >= (id == "d" ? 2 : 1) ? final[id] : "processing" };
        var progress = new ProgressLog<RunProgress>();

        var options = Fast(new InstantTimeProvider());
        options.Progress = progress;
        await ToListAsync(api.Echo.WaitAsync(["a", "b", "c", "d"], options));

        Assert.That(progress.Reports, Is.EqualTo(new[]
        {
            new RunProgress(4, 4, Completed: 1, Failed: 1, Cancelled: 1, Rejected: 0, RateLimitedUntil: null),
            new RunProgress(4, 4, Completed: 2, Failed: 1, Cancelled: 1, Rejected: 0, RateLimitedUntil: null),
        }));
        Assert.That(progress.Reports[0].Pending, Is.EqualTo(1));
    }

    [Test]
    public async Task WaitAsync_RepeatedId_WaitedForAndYieldedOnce()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);

        var finished = await ToListAsync(api.Echo.WaitAsync(["a", "a", "b"], Fast(new InstantTimeProvider())));

        Assert.That(finished.Select(d => d.Id), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(api.Sent.Single().Body, Is.EqualTo("[\"a\",\"b\"]"));
    }

    [Test]
    public void WaitAsync_Cancelled_StopsWithOperationCanceled()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "a" ? "completed" : "pending" };
        using var cts = new CancellationTokenSource();

        var pollsAtCancel = 0;
        var options = new WaitOptions { FirstPollDelay = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };

        Assert.CatchAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in api.Echo.WaitAsync(["a", "b"], options, cts.Token))
            {
                await cts.CancelAsync();
                pollsAtCancel = api.Sent.Count;
            }
        });
        Assert.That(api.Sent, Has.Count.EqualTo(pollsAtCancel), "no poll after cancellation");
    }

    private static IEnumerable<TestCaseData> InvalidWaitOptions()
    {
        yield return new TestCaseData(new WaitOptions { FirstPollDelay = TimeSpan.Zero }, "FirstPollDelay").SetName("WaitAsync_ZeroFirstPollDelay_ThrowsBeforeSending");
        yield return new TestCaseData(new WaitOptions { FirstPollDelay = TimeSpan.FromSeconds(10), MaxPollInterval = TimeSpan.FromSeconds(1) }, "MaxPollInterval").SetName("WaitAsync_LongestBelowFirst_ThrowsBeforeSending");
        yield return new TestCaseData(new WaitOptions { Timeout = TimeSpan.Zero }, "Timeout").SetName("WaitAsync_ZeroTimeout_ThrowsBeforeSending");
        yield return new TestCaseData(new WaitOptions { MaxConcurrentCalls = 0 }, "MaxConcurrentCalls").SetName("WaitAsync_ZeroConcurrency_ThrowsBeforeSending");
    }

    [TestCaseSource(nameof(InvalidWaitOptions))]
    public void WaitAsync_InvalidOptions(WaitOptions options, string field)
    {
        using var api = new ApiMock();

        var error = Assert.Catch<ArgumentException>(() => api.Echo.WaitAsync(["a"], options));

        Assert.That(error!.ParamName, Is.EqualTo(field));
        Assert.That(api.Sent, Is.Empty);
    }
}
