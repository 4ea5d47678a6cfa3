using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeRunTests
{
    private static RunOptions Fast() => new()
    {
        Wait = new WaitOptions { InitialInterval = TimeSpan.FromSeconds(1), TimeProvider = new InstantTimeProvider() },
    };

    /// <summary>A real clock with millisecond pauses, for runs that only end by being stopped.</summary>
    private static RunOptions Polling() => new()
    {
        Wait = new WaitOptions { InitialInterval = TimeSpan.FromMilliseconds(5), MaxInterval = TimeSpan.FromMilliseconds(20) },
    };

    /// <summary>Every id sent in a collect call so far (recorded as the call left the client).</summary>
    private static HashSet<string> CollectedIds(ApiMock api) => api.Sent
        .Where(s => s.Url.EndsWith("/collect", StringComparison.Ordinal))
        .SelectMany(s => s.BodyJson.Values<string>())
        .Select(id => id!)
        .ToHashSet(StringComparer.Ordinal);

    [Test]
    public async Task RunAsync_LaterInputsFinishFirst_OutcomesStillInInputOrder()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, poll) => id == "req-0" && poll < 3 ? "processing" : "completed" };

        var outcomes = new List<RequestOutcome>();
        await foreach (var outcome in api.Echo.RunAsync(Enumerable.Range(0, 5).Select(i => (RequestInput)i.ToString()), Fast()))
        {
            outcomes.Add(outcome);
        }

        Assert.That(outcomes.Select(o => o.Index), Is.EqualTo(new[] { 0, 1, 2, 3, 4 }));
        Assert.That(outcomes.Select(o => o.RequestId), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"req-{i}")));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"out-req-{i}")));
    }

    [Test]
    public async Task RunAsync_FirstInputDone_YieldedBeforeTheRestFinish()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, poll) => id == "req-0" || poll >= 4 ? "completed" : "pending" };

        await using var outcomes = api.Echo.RunAsync(["0", "1", "2"], Fast()).GetAsyncEnumerator();

        Assert.That(await outcomes.MoveNextAsync(), Is.True);
        Assert.That(outcomes.Current.Index, Is.EqualTo(0));
        Assert.That(api.Sent.Count(s => s.Url.EndsWith("/collect", StringComparison.Ordinal)), Is.EqualTo(1));
    }

    [Test]
    public async Task RunAsync_FailedAndCancelled_OutcomesCarryStatusAndError()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id == "req-1" ? "failed" : id == "req-2" ? "cancelled" : "completed" };

        var outcomes = new List<RequestOutcome>();
        await foreach (var outcome in api.Echo.RunAsync([RequestInput.FromObject(new { n = 0 }), new JObject { ["n"] = 1 }, new JObject { ["n"] = 2 }], Fast()))
        {
            outcomes.Add(outcome);
        }

        Assert.That(outcomes.Select(o => o.Succeeded), Is.EqualTo(new[] { true, false, false }));
        Assert.That(outcomes[1].Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(outcomes[1].ErrorMessage, Is.EqualTo("boom req-1"));
        Assert.That(outcomes[1].Result, Is.Null);
        Assert.That(outcomes[2].Status, Is.EqualTo(RequestStatus.Cancelled));
        Assert.That(api.Sent[0].Body, Is.EqualTo("[{\"n\":0},{\"n\":1},{\"n\":2}]"));
    }

    [Test]
    public async Task RunAsync_600Inputs_ThreeSubmitCallsAndEveryOutcomeOnce()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);

        var indices = new List<int>();
        await foreach (var outcome in api.Echo.RunAsync(Enumerable.Range(0, 600).Select(i => (RequestInput)i.ToString()), Fast()))
        {
            indices.Add(outcome.Index);
        }

        Assert.That(server.CreateCalls, Is.EqualTo(3));
        Assert.That(indices, Is.EqualTo(Enumerable.Range(0, 600)));
    }

    [Test]
    public async Task RunAsync_FirstBatchAccepted_OutcomeYieldedBeforeLaterBatchesAreAccepted()
    {
        using var api = new ApiMock();
        var secondBatch = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new FakeBatchServer(api) { BeforeCreateAnswer = call => call == 1 ? Task.CompletedTask : secondBatch.Task };
        var options = Fast();
        options.Submit = new BatchCreateOptions { MaxConcurrency = 1 };

        await using var outcomes = api.Echo.RunAsync(Enumerable.Range(0, 500).Select(i => (RequestInput)i.ToString()), options).GetAsyncEnumerator();
        var first = outcomes.MoveNextAsync().AsTask();
        // A safety net against a hang, not a timing assertion: the first outcome needs only the first batch.
        var winner = await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(30)));

        Assert.That(winner, Is.SameAs(first), "the first outcome must not wait for the second batch");
        Assert.That(outcomes.Current.Index, Is.EqualTo(0));
        secondBatch.SetResult();
        var count = 1;
        while (await outcomes.MoveNextAsync())
        {
            Assert.That(outcomes.Current.Index, Is.EqualTo(count++));
        }

        Assert.That(count, Is.EqualTo(500));
        Assert.That(server.CreateCalls, Is.EqualTo(2));
    }

    [Test]
    public void RunAsync_SubmissionFailsPartWay_YieldsTheSubmittedThenThrowsWithTheSplit()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { FailCreateCall = call => call == 2 };
        var options = Fast();
        options.Submit = new BatchCreateOptions { MaxConcurrency = 1 };

        var yielded = new List<int>();
        var error = Assert.ThrowsAsync<BatchSubmissionException>(async () =>
        {
            await foreach (var outcome in api.Echo.RunAsync(Enumerable.Range(0, 600).Select(i => (RequestInput)i.ToString()), options))
            {
                yielded.Add(outcome.Index);
            }
        });

        Assert.That(yielded, Is.EqualTo(Enumerable.Range(0, 250)));
        Assert.That(error!.Submitted.Select(s => s.Index), Is.EqualTo(Enumerable.Range(0, 250)));
        Assert.That(error.NotCompletedIndices, Is.EqualTo(Enumerable.Range(250, 350)));
    }

    [Test]
    public async Task RunAsync_OnSubmitted_ToldEachBatchOnceWithItsIndicesAndIds_BeforeTheyArePolled()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);
        var batches = new List<IReadOnlyList<SubmittedRequest>>();
        var polledTooEarly = new List<string>();
        var options = Fast();
        options.OnSubmitted = async batch =>
        {
            await Task.Yield();
            var collected = CollectedIds(api);
            polledTooEarly.AddRange(batch.Select(s => s.RequestId).Where(collected.Contains));
            batches.Add(batch);
        };

        var indices = new List<int>();
        await foreach (var outcome in api.Echo.RunAsync(Enumerable.Range(0, 600).Select(i => (RequestInput)i.ToString()), options))
        {
            indices.Add(outcome.Index);
        }

        Assert.That(indices, Is.EqualTo(Enumerable.Range(0, 600)));
        Assert.That(polledTooEarly, Is.Empty);
        var byStart = batches.OrderBy(b => b[0].Index).ToArray();
        Assert.That(byStart.Select(b => b.Select(s => s.Index)), Is.EqualTo(new[]
        {
            Enumerable.Range(0, 250), Enumerable.Range(250, 250), Enumerable.Range(500, 100),
        }));
        Assert.That(batches.SelectMany(b => b).All(s => s.RequestId == $"req-{s.Index}"), Is.True);
    }

    [Test]
    public async Task RunAsync_CancelledWhileABatchIsInFlight_EveryAcceptedIdIsReported()
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
        var reported = new List<SubmittedRequest>();
        var options = Polling();
        options.Submit = new BatchCreateOptions { MaxConcurrency = 1 };
        options.OnSubmitted = batch =>
        {
            reported.AddRange(batch);
            return ValueTask.CompletedTask;
        };
        using var cts = new CancellationTokenSource();

        await using var outcomes = api.Echo.RunAsync(Enumerable.Range(0, 600).Select(i => (RequestInput)i.ToString()), options, cts.Token)
            .GetAsyncEnumerator();
        var next = outcomes.MoveNextAsync().AsTask();
        await secondCallArrived.Task;
        await cts.CancelAsync();
        releaseSecondCall.SetResult(); // accepted after the cancellation

        Assert.CatchAsync<OperationCanceledException>(async () => await next);
        Assert.That(server.CreateCalls, Is.EqualTo(2));
        Assert.That(server.CreatedIds, Has.Count.EqualTo(500));
        Assert.That(reported.Select(s => s.RequestId), Is.EquivalentTo(server.CreatedIds));
        Assert.That(reported.Select(s => s.Index), Is.EqualTo(Enumerable.Range(0, 500)));
    }

    [Test]
    public void RunAsync_OnSubmittedThrows_RunEndsWithThatException()
    {
        using var api = new ApiMock();
        // Nothing ever finishes: only the callback's failure can end the run.
        var server = new FakeBatchServer(api) { StatusOf = (_, _) => "processing" };
        var failure = new IOException("state file is full");
        var options = Polling();
        options.Submit = new BatchCreateOptions { MaxConcurrency = 1 };
        options.OnSubmitted = batch => batch[0].Index == 250 ? throw failure : ValueTask.CompletedTask;
        // A safety net against a hang: a run the failure did not end would throw a cancellation instead.
        using var safetyNet = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        var error = Assert.CatchAsync(async () =>
        {
            await foreach (var _ in api.Echo.RunAsync(Enumerable.Range(0, 600).Select(i => (RequestInput)i.ToString()), options, safetyNet.Token))
            {
            }
        });

        Assert.That(error, Is.SameAs(failure));
        Assert.That(server.CreateCalls, Is.EqualTo(2), "no batch is submitted after the failure");
        Assert.That(CollectedIds(api), Has.None.Matches<string>(id => int.Parse(id["req-".Length..]) >= 250),
            "the batch whose report failed is not waited for");
    }

    [Test]
    public void RunAsync_WaitTimesOut_ExceptionListsExactlyTheUnfinishedIds()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api) { StatusOf = (id, _) => id is "req-2" or "req-4" ? "processing" : "completed" };
        // The instant clock would time out the wait for the batch to be accepted; start it once it is.
        var clock = new InstantTimeProvider { HoldTimers = true };
        var options = new RunOptions
        {
            Wait = new WaitOptions { InitialInterval = TimeSpan.FromSeconds(1), Timeout = TimeSpan.FromSeconds(10), TimeProvider = clock },
            OnSubmitted = _ =>
            {
                clock.HoldTimers = false;
                return ValueTask.CompletedTask;
            },
        };

        var yielded = new List<int>();
        var error = Assert.ThrowsAsync<WaitTimeoutException>(async () =>
        {
            await foreach (var outcome in api.Echo.RunAsync(Enumerable.Range(0, 5).Select(i => (RequestInput)i.ToString()), options))
            {
                yielded.Add(outcome.Index);
            }
        });

        Assert.That(yielded, Is.EqualTo(new[] { 0, 1 }));
        Assert.That(error!.UnfinishedRequestIds, Is.EqualTo(new[] { "req-2", "req-4" }));
        Assert.That(error.Message, Does.Contain("2 of 5"));
    }

    [Test]
    public async Task RunAsync_Progress_TotalIsEveryInput()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);
        var progress = new ProgressLog<WaitProgress>();
        var options = Fast();
        options.Wait!.Progress = progress;

        await foreach (var _ in api.Echo.RunAsync(["a", "b", "c"], options))
        {
        }

        Assert.That(progress.Reports[^1], Is.EqualTo(new WaitProgress(3, Completed: 3, Failed: 0, Cancelled: 0)));
    }

    [Test]
    public void RunAsync_MixedInputs_ThrowsWhenCalledBeforeSending()
    {
        using var api = new ApiMock();

        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a", new JObject { ["n"] = 1 }]));
        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a"], new RunOptions { Submit = new BatchCreateOptions { Timeout = TimeSpan.FromSeconds(5) } }));
        Assert.That(api.Sent, Is.Empty);
    }
}
