using Newtonsoft.Json.Linq;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeRunTests
{
    private static RunOptions Fast() => new()
    {
        Wait = new WaitOptions { InitialInterval = TimeSpan.FromSeconds(1), TimeProvider = new InstantTimeProvider() },
    };

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
        Assert.That(outcomes.Select(o => o.Output!.AsString()), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"out-req-{i}")));
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
        Assert.That(outcomes[1].Error, Is.EqualTo("boom req-1"));
        Assert.That(outcomes[1].Output, Is.Null);
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
    public async Task RunAsync_Progress_TotalIsEveryInput()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);
        var progress = new ProgressLog<WaitProgress>();

        await foreach (var _ in api.Echo.RunAsync(["a", "b", "c"], Fast(), progress))
        {
        }

        Assert.That(progress.Reports[^1], Is.EqualTo(new WaitProgress(3, Completed: 3, Failed: 0, Cancelled: 0)));
    }

    [Test]
    public void RunAsync_MixedInputs_ThrowsWhenCalledBeforeSending()
    {
        using var api = new ApiMock();

        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a", new JObject { ["n"] = 1 }]));
        Assert.Catch<ArgumentException>(() => api.Echo.RunAsync(["a"], new RunOptions { Submit = new BatchCreateOptions { TimeoutSeconds = 5 } }));
        Assert.That(api.Sent, Is.Empty);
    }
}
