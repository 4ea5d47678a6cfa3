using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeRunTests
{
    /// <summary>Pauses end at once (the clock jumps), so the tests see the calls, not the waiting.</summary>
    private static RunOptions Instant(Action<RunOptions>? configure = null)
    {
        var options = new RunOptions { TimeProvider = new InstantTimeProvider() };
        configure?.Invoke(options);
        return options;
    }

    /// <summary>A real clock with millisecond pauses, for runs that only end by being stopped.</summary>
    private static RunOptions Polling(Action<RunOptions>? configure = null)
    {
        var options = new RunOptions { FirstPollDelay = TimeSpan.FromMilliseconds(5), MaxPollInterval = TimeSpan.FromMilliseconds(20) };
        configure?.Invoke(options);
        return options;
    }

    private static IEnumerable<RequestInput> Plain(int count) => Enumerable.Range(0, count).Select(i => (RequestInput)i.ToString());

    private static async Task<List<RequestOutcome>> ToListAsync(IAsyncEnumerable<RequestOutcome> outcomes)
    {
        var list = new List<RequestOutcome>();
        await foreach (var outcome in outcomes)
        {
            list.Add(outcome);
        }

        return list;
    }

    private static HashSet<string> CollectedIds(FakeBatchServer server) => server.Collects.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);

    [Test]
    public async Task RunAsync_LaterInputsFinishFirst_OutcomesStillInInputOrder()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, poll) => id == "req-0" && poll < 3 ? "processing" : "completed" };

        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(5), Instant()));

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(new long[] { 0, 1, 2, 3, 4 }));
        Assert.That(outcomes.Select(o => o.RequestId), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"req-{i}")));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"out-req-{i}")));
        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished));
    }

    [Test]
    public async Task RunAsync_FirstInputDone_YieldedBeforeTheRestFinish()
    {
        using var api = new ApiMock();
        var restDone = false;
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "req-0" || Volatile.Read(ref restDone) ? "completed" : "pending" };

        await using var outcomes = api.Echo.RunAsync(["0", "1", "2"], Polling()).GetAsyncEnumerator();

        Assert.That(await outcomes.MoveNextAsync(), Is.True, "yielded while the others are still pending");
        Assert.That(outcomes.Current.Index, Is.EqualTo(0));
        Volatile.Write(ref restDone, true);
        Assert.That(await outcomes.MoveNextAsync() && await outcomes.MoveNextAsync(), Is.True);
        Assert.That(outcomes.Current.Index, Is.EqualTo(2));
    }

    [Test]
    public async Task RunAsync_FailedAndCancelled_OutcomesCarryStatusAndError()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "req-1" ? "failed" : id == "req-2" ? "cancelled" : "completed" };

        var outcomes = await ToListAsync(api.Echo.RunAsync(
            [RequestInput.FromObject(new { n = 0 }), new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], Instant()));

        Assert.That(outcomes.Select(o => o.Succeeded), Is.EqualTo(new[] { true, false, false }));
        Assert.That(outcomes[1].Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(outcomes[1].ErrorMessage, Is.EqualTo("boom req-1"));
        Assert.That(outcomes[1].Result, Is.Null);
        Assert.That(outcomes[2].Status, Is.EqualTo(RequestStatus.Cancelled));
        Assert.That(api.Sent[0].Body, Is.EqualTo("[{\"n\":0},{\"n\":1},{\"n\":2}]"));
    }

    [Test]
    public async Task RunAsync_1000Inputs_FullBatchesAndCollectsOfAtMost250AcrossBatches()
    {
        using var api = new ApiMock();
        // Odd inputs need three polls, even ones one: leftovers of one batch share polls with the next.
        var server = new FakeBatchServer(api) { StatusOf = (id, poll) => int.Parse(id[4..]) % 2 == 0 || poll >= 3 ? "completed" : "processing" };

        // The first poll comes after every batch is in (the fake server accepts at once).
        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(1000), Polling(o => { o.FirstPollDelay = TimeSpan.FromMilliseconds(50); o.MaxPollInterval = TimeSpan.FromMilliseconds(100); })));

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => (long)i)));
        Assert.That(server.CreateSizes, Is.EqualTo(new[] { 250, 250, 250, 250 }));
        Assert.That(server.Collects.Select(c => c.Length), Has.All.LessThanOrEqualTo(250));
        Assert.That(server.Collects.Select(c => c.Distinct().Count()), Is.EqualTo(server.Collects.Select(c => c.Length)), "no id twice in one call");
        Assert.That(CollectedIds(server), Has.Count.EqualTo(1000));
        Assert.That(server.Collects.Any(c => c.Select(id => int.Parse(id[4..]) / 250).Distinct().Count() > 1), Is.True,
            "a poll collects unfinished ids of more than one batch");
    }

    [Test]
    public async Task RunAsync_StreamOf600_BatchesAreFullButTheLast()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);

        static async IAsyncEnumerable<RequestInput> Stream()
        {
            for (var i = 0; i < 600; i++)
            {
                await Task.Yield(); // an input source that answers asynchronously, like a file
                yield return i.ToString();
            }
        }

        var outcomes = await ToListAsync(api.Echo.RunAsync(Stream(), new RunOptions { BatchLinger = TimeSpan.FromSeconds(30) }));

        Assert.That(outcomes, Has.Count.EqualTo(600));
        Assert.That(server.CreateSizes, Is.EqualTo(new[] { 250, 250, 100 }));
    }

    [Test]
    public async Task RunAsync_StreamPausesLongerThanTheLinger_SendsThePartialBatch()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);
        var more = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        async IAsyncEnumerable<RequestInput> Stream()
        {
            yield return "0";
            yield return "1";
            await more.Task; // the producer has nothing more for now
            yield return "2";
        }

        await using var outcomes = api.Echo.RunAsync(Stream(), Polling(o => o.BatchLinger = TimeSpan.FromMilliseconds(20))).GetAsyncEnumerator();
        Assert.That(await outcomes.MoveNextAsync(), Is.True, "the first inputs run although the stream has paused");
        Assert.That(server.CreateSizes[0], Is.EqualTo(2));
        more.SetResult();
        while (await outcomes.MoveNextAsync())
        {
        }

        Assert.That(server.CreateSizes, Is.EqualTo(new[] { 2, 1 }));
    }

    [Test]
    public async Task RunAsync_OneInputRefused_OnlyItIsRejectedAndTheRestRun()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { Refuse = input => input.Value<string>() == "137" };

        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(250), Instant()));

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 250).Select(i => (long)i)));
        Assert.That(outcomes.Where(o => o.Kind == OutcomeKind.Rejected).Select(o => o.Index), Is.EqualTo(new long[] { 137 }));
        Assert.That(outcomes[137].RequestId, Is.Null);
        Assert.That(outcomes[137].ErrorMessage, Does.Contain("400").And.Contain("\"137\" is not valid"));
        Assert.That(outcomes.Count(o => o.Succeeded), Is.EqualTo(249));
        // Halving the batch finds the bad input in about 2 log2(250) calls, not 250 single ones.
        Assert.That(server.CreateCalls, Is.LessThanOrEqualTo(17));
        Assert.That(server.CreatedIds, Has.Count.EqualTo(249));
    }

    [Test]
    public void RunAsync_AnswerLostOnTheSecondBatch_YieldsTheFirstThenThrowsNamingTheSecond()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { FailCreateCall = call => call == 2 };

        var yielded = new List<long>();
        var error = Assert.ThrowsAsync<BatchSubmissionException>(async () =>
        {
            await foreach (var outcome in api.Echo.RunAsync(Plain(750), Instant(o => o.MaxConcurrentCalls = 1)))
            {
                yielded.Add(outcome.Index);
            }
        });

        Assert.That(yielded, Is.EqualTo(Enumerable.Range(0, 250).Select(i => (long)i)));
        Assert.That(error!.NotCompletedIndices, Is.EqualTo(Enumerable.Range(250, 250)));
        Assert.That(error.InnerException, Is.InstanceOf<UbiOpsApiException>());
        Assert.That(server.CreateCalls, Is.EqualTo(2), "no batch is sent after an answer was lost");
    }

    [Test]
    public void RunAsync_UnknownDeployment_ThrowsTheApiErrorAndYieldsNothing()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { FailCreateCall = _ => true, FailCreateStatus = System.Net.HttpStatusCode.NotFound };

        var yielded = 0;
        var error = Assert.CatchAsync<UbiOpsApiException>(async () =>
        {
            await foreach (var _ in api.Echo.RunAsync(Plain(10), Instant()))
            {
                yielded++;
            }
        });

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(yielded, Is.Zero);
    }

    [Test]
    public async Task RunAsync_RequestDeletedWhileWaited_ItAloneIsMissing()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { Missing = id => id == "req-7" };

        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(20), Instant()));

        Assert.That(outcomes.Where(o => o.Kind == OutcomeKind.Missing).Select(o => o.RequestId), Is.EqualTo(new[] { "req-7" }));
        Assert.That(outcomes.Count(o => o.Succeeded), Is.EqualTo(19));
        Assert.That(outcomes[7].ErrorMessage, Does.Contain("req-7"));
    }

    [Test]
    public async Task RunAsync_Journal_ToldEachBatchOnceWithItsIndicesAndIds_BeforeTheyArePolled()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);
        var journal = new RecordingJournal { BeforeRecording = batch => Assert.That(CollectedIds(server).Overlaps(batch.Requests.Select(r => r.RequestId)), Is.False) };

        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(600), Instant(o => o.Journal = journal)));

        Assert.That(outcomes, Has.Count.EqualTo(600));
        Assert.That(journal.Batches.OrderBy(b => b.Requests[0].Index).Select(b => b.Requests.Select(r => r.Index)), Is.EqualTo(new[]
        {
            Enumerable.Range(0, 250).Select(i => (long)i), Enumerable.Range(250, 250).Select(i => (long)i), Enumerable.Range(500, 100).Select(i => (long)i),
        }));
        Assert.That(journal.Batches.SelectMany(b => b.Requests).All(s => s.RequestId == $"req-{s.Index}"), Is.True);
    }

    [Test]
    public async Task RunAsync_ResumedWithTheJournal_SubmitsOnlyWhatWasNotAccepted()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);
        var journal = new RecordingJournal();
        await foreach (var outcome in api.Echo.RunAsync(Plain(600), Instant(o => { o.Journal = journal; o.MaxConcurrentCalls = 1; })))
        {
            if (outcome.Index == 300)
            {
                break; // stopped: the 600 may all have been submitted, or only part of them
            }
        }

        var submittedBefore = server.CreatedIds.Count;
        var outcomes = await ToListAsync(api.Echo.RunAsync(Plain(600), Instant(o => o.Journal = journal)));

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 600).Select(i => (long)i)));
        Assert.That(server.CreatedIds, Is.Unique, "no input was submitted twice");
        Assert.That(server.CreatedIds, Has.Count.EqualTo(600));
        Assert.That(submittedBefore, Is.GreaterThanOrEqualTo(250));
    }

    [Test]
    public async Task RunAsync_CancelledWhileABatchIsInFlight_ItsIdsStillReachTheJournal()
    {
        using var api = new ApiMock();
        var secondCallArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var releaseSecondCall = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new FakeBatchServer(api)
        {
            StatusOf = (_, _) => "processing",
            BeforeCreateAnswer = call =>
            {
                if (call != 2)
                {
                    return Task.CompletedTask;
                }

                secondCallArrived.SetResult();
                return releaseSecondCall.Task;
            },
        };
        var journal = new RecordingJournal();
        using var cts = new CancellationTokenSource();

        await using var outcomes = api.Echo.RunAsync(Plain(600), Polling(o => { o.Journal = journal; o.MaxConcurrentCalls = 1; }), cts.Token).GetAsyncEnumerator();
        var next = outcomes.MoveNextAsync().AsTask();
        await secondCallArrived.Task;
        await cts.CancelAsync();
        releaseSecondCall.SetResult(); // accepted after the cancellation

        Assert.CatchAsync<OperationCanceledException>(async () => await next);
        Assert.That(server.CreateCalls, Is.EqualTo(2));
        Assert.That(journal.Batches.SelectMany(b => b.Requests).Select(r => r.RequestId), Is.EquivalentTo(server.CreatedIds));
        Assert.That(journal.Batches.SelectMany(b => b.Requests).Select(r => r.Index), Is.EqualTo(Enumerable.Range(0, 500).Select(i => (long)i)));
    }

    [Test]
    public void RunAsync_JournalThrows_RunEndsWithThatException()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { StatusOf = (_, _) => "processing" };
        var failure = new IOException("state file is full");
        var journal = new RecordingJournal { BeforeRecording = batch => { if (batch.Requests[0].Index == 250) throw failure; } };
        // A safety net against a hang: a run the failure did not end would throw a cancellation instead.
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = Assert.CatchAsync(async () =>
        {
            await foreach (var _ in api.Echo.RunAsync(Plain(600), Polling(o => { o.Journal = journal; o.MaxConcurrentCalls = 1; }), safetyNet.Token))
            {
            }
        });

        Assert.That(error, Is.SameAs(failure));
        Assert.That(server.CreateCalls, Is.EqualTo(2), "no batch is submitted after the failure");
        Assert.That(CollectedIds(server), Has.None.Matches<string>(id => int.Parse(id["req-".Length..]) >= 250),
            "the batch whose recording failed is not waited for");
    }

    [Test]
    public async Task RunAsync_MaxInFlight_NeverReadsFurtherAheadOfTheCaller()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);
        var read = 0;

        IEnumerable<RequestInput> Counted()
        {
            for (var i = 0; i < 1000; i++)
            {
                Interlocked.Increment(ref read);
                yield return i.ToString();
            }
        }

        var taken = 0;
        var mostAhead = 0;
        await foreach (var _ in api.Echo.RunAsync(Counted(), Instant(o => o.MaxInFlight = 300)))
        {
            taken++;
            mostAhead = Math.Max(mostAhead, Volatile.Read(ref read) - taken);
        }

        Assert.That(taken, Is.EqualTo(1000));
        Assert.That(mostAhead, Is.LessThanOrEqualTo(300));
    }

    [Test]
    public async Task RunAsync_Progress_LastReportCountsEveryOutcome()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "req-1" ? "failed" : "completed", Refuse = i => i.Value<string>() == "2" };
        var progress = new ProgressLog<RunProgress>();

        await ToListAsync(api.Echo.RunAsync(["0", "1", "2", "3"], Instant(o => o.Progress = progress)));

        Assert.That(progress.Reports[^1], Is.EqualTo(new RunProgress(4, Submitted: 3, Completed: 2, Failed: 1, Cancelled: 0, Rejected: 1, RateLimitedUntil: null)));
    }

    [Test]
    public void RunAsync_MixedInputsOrBadOptions_ThrowsWhenCalledBeforeSending()
    {
        using var api = new ApiMock();

        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a", new JObject { ["n"] = 1 }]));
        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a"], new RunOptions { RequestTimeout = TimeSpan.FromSeconds(5) }));
        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a"], new RunOptions { MaxInFlight = 249 }));
        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a"], new RunOptions { FirstPollDelay = TimeSpan.Zero }));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void RunAsync_StreamWithNullInput_EndsNamingItsIndex()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);

        var error = Assert.CatchAsync<ArgumentException>(async () =>
        {
            await foreach (var _ in api.Echo.RunAsync(new RequestInput[] { "a", null! }.ToAsyncEnumerable(), Instant()))
            {
            }
        });

        Assert.That(error!.Message, Does.Contain("index 1"));
    }

    private sealed class RecordingJournal : RunJournal
    {
        private readonly List<AcceptedBatch> _batches = [];

        public Action<AcceptedBatch>? BeforeRecording { get; init; }

        public IReadOnlyList<AcceptedBatch> Batches
        {
            get
            {
                lock (_batches)
                {
                    return _batches.ToArray();
                }
            }
        }

        public override string? FindRequest(long index)
        {
            lock (_batches)
            {
                return _batches.SelectMany(b => b.Requests).FirstOrDefault(r => r.Index == index)?.RequestId;
            }
        }

        public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch)
        {
            await Task.Yield();
            BeforeRecording?.Invoke(batch);
            lock (_batches)
            {
                _batches.Add(batch);
            }
        }
    }
}
