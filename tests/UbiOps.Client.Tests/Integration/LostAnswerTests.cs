using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// Creates whose answer is lost after the server stored them (the emulator's after-commit faults,
/// placed on exact calls): the client never sends them again blindly, but looks them up on the
/// server, adopts what was made, resends what provably was not, and says so where it cannot tell.
/// Every input runs exactly once, by the emulator's own count.
/// </summary>
public sealed class LostAnswerTests
{
    private const int InputCount = 600; // three batches

    private static RequestInput[] Inputs(int count = InputCount) =>
        Enumerable.Range(0, count).Select(i => RequestInput.FromObject(new { id = i })).ToArray();

    private static FaultRule OnSecondBatch(FaultKind kind) =>
        new(kind, ApiOperation.BatchCreate) { Skip = 1, Delay = TimeSpan.FromSeconds(5) };

    // An attempt of a batch create gives up after a second, so a delayed answer is a timeout.
    private static Task<LiveEmulator> StartAsync() => LiveEmulator.StartAsync(resilience: r => r.BatchCreateTimeout = TimeSpan.FromSeconds(1));

    [TestCase(FaultKind.InternalErrorAfterCommit)]
    [TestCase(FaultKind.BadGatewayAfterCommit)]
    [TestCase(FaultKind.GatewayTimeoutAfterCommit)]
    [TestCase(FaultKind.DropAfterCommit)]
    [TestCase(FaultKind.DelayAfterCommit)]
    public async Task RunAsync_SecondBatchStoredButAnswerLost_AdoptsItsRequestsAndRunsEveryInputOnce(FaultKind kind)
    {
        await using var live = await StartAsync();
        var rule = live.Emulator.AddFaultRule(OnSecondBatch(kind));
        var inputs = Inputs();

        var outcomes = await live.Echo.RunAsync(inputs).ToListAsync();

        Assert.That(rule.Fired, Is.EqualTo(1));
        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(outcomes.Select(o => live.Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount), "no input ran twice");
        Assert.That(live.Sent("batch-create"), Is.EqualTo(3), "the lost batch was not sent again");
        // One look: pending, processing and cancelled_pending (which today's list refuses) are empty
        // lists; completed in the window holds the first batch and the lost one (500: pages at 0,
        // 225, 450 and 475); failed and cancelled are empty.
        Assert.That(live.Sent("list"), Is.EqualTo(9), "nine lists found it");
    }

    [Test]
    public async Task RunAsync_SecondBatchRefusedBeforeStoring_ProvedNotMadeAndSentAgainOnce()
    {
        await using var live = await StartAsync();
        live.Emulator.AddFaultRule(OnSecondBatch(FaultKind.InternalError));

        var outcomes = await live.Echo.RunAsync(Inputs()).ToListAsync();

        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
        Assert.That(live.Sent("batch-create"), Is.EqualTo(4), "three batches and one resend");
        // Each look lists the six statuses; completed holds the first batch (pages at 0 and 225).
        Assert.That(live.Sent("list"), Is.EqualTo(14), "looked twice before concluding nothing was made");
    }

    [Test]
    public async Task RunAsync_AnotherProducerSentTheSameInputsMeanwhile_EachInputAmbiguousWithBothCandidates()
    {
        await using var live = await LiveEmulator.StartAsync(resilience: r => r.ReconcileDelay = TimeSpan.FromSeconds(1));
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));
        var inputs = Inputs(10);
        var run = live.Echo.RunAsync(inputs).ToListAsync().AsTask();
        await Eventually.TrueAsync(() => rule.Fired == 1);

        // Within the second the run waits before looking: someone else sends the very same inputs.
        var others = await live.Echo.CreateBatchAsync(inputs);
        var outcomes = await run;

        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Ambiguous));
        for (var i = 0; i < inputs.Length; i++)
        {
            Assert.That(outcomes[i].CandidateRequestIds, Has.Count.EqualTo(2).And.Contains(others[i].Id), $"input {i}");
            Assert.That(outcomes[i].ErrorMessage, Does.Contain(others[i].Id));
        }

        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(20), "each producer's batch ran once; the run sent nothing again");
        Assert.That(live.Sent("batch-create"), Is.EqualTo(2), "the run's one create and the other producer's");
    }

    [TestCase(AmbiguousInputPolicy.Adopt, 20)]
    [TestCase(AmbiguousInputPolicy.Resend, 30)]
    public async Task RunAsync_AnotherProducerSentTheSameInputsMeanwhile_OnAmbiguousSettlesEachInput(AmbiguousInputPolicy policy, int executions)
    {
        await using var live = await LiveEmulator.StartAsync(resilience: r => r.ReconcileDelay = TimeSpan.FromSeconds(1));
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));
        var inputs = Inputs(10);
        var run = live.Echo.RunAsync(inputs, new RunOptions { OnAmbiguous = policy }).ToListAsync().AsTask();
        await Eventually.TrueAsync(() => rule.Fired == 1);
        await live.Echo.CreateBatchAsync(inputs);

        var outcomes = await run;

        var expected = policy == AmbiguousInputPolicy.Adopt ? AmbiguityResolution.Adopted : AmbiguityResolution.SentAgain;
        Assert.That(outcomes.Select(o => (o.Kind, o.Resolution)), Is.All.EqualTo((OutcomeKind.Finished, expected)));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(outcomes.Select(o => o.RequestId), Is.Unique, "no request is taken for two inputs");
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(executions));
    }

    [Test]
    public async Task RunAsync_AnotherProducerSentSomeOfTheInputsMeanwhile_TheOthersDecideAndEachInputRunsOnce()
    {
        await using var live = await LiveEmulator.StartAsync(resilience: r => r.ReconcileDelay = TimeSpan.FromSeconds(1));
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));
        var inputs = Inputs(10);
        var run = live.Echo.RunAsync(inputs).ToListAsync().AsTask();
        await Eventually.TrueAsync(() => rule.Fired == 1);

        // The same question asked by another service: three of the ten inputs.
        var others = await live.Echo.CreateBatchAsync(inputs.Take(3));
        var outcomes = await run;

        Assert.That(outcomes.Select(o => (o.Kind, o.Resolution)), Is.All.EqualTo((OutcomeKind.Finished, AmbiguityResolution.None)));
        Assert.That(outcomes.Select(o => o.RequestId), Has.None.AnyOf(others.Select(o => (object?)o.Id).ToArray()), "the other producer's requests stay theirs");
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(13), "each producer's requests ran once; the run sent nothing again");
    }

    [TestCase(AmbiguousInputPolicy.Report)]
    [TestCase(AmbiguousInputPolicy.Adopt)]
    public async Task CreateBatchAsync_AnotherProducerSentTheSameInputsMeanwhile_OnAmbiguousReportsOrAdopts(AmbiguousInputPolicy policy)
    {
        await using var live = await LiveEmulator.StartAsync(resilience: r => r.ReconcileDelay = TimeSpan.FromSeconds(1));
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));
        var inputs = Inputs(5);
        var create = live.Echo.CreateBatchAsync(inputs, new BatchCreateOptions { OnAmbiguous = policy });
        await Eventually.TrueAsync(() => rule.Fired == 1);
        var others = await live.Echo.CreateBatchAsync(inputs);

        if (policy == AmbiguousInputPolicy.Report)
        {
            var error = Assert.ThrowsAsync<BatchSubmissionException>(() => create);
            Assert.That(error!.Ambiguous.Select(a => a.CandidateRequestIds.Count), Is.All.EqualTo(2));
        }
        else
        {
            var made = await create;
            Assert.That(made.Select(m => m.Id), Is.Unique);
            Assert.That(made, Has.Count.EqualTo(5));
        }

        Assert.That(live.Sent("batch-create"), Is.EqualTo(2), "the create's one call and the other producer's: nothing was sent again");
    }

    [Test]
    public async Task RunAsync_ServerUnreadableAfterALostAnswer_StopsNamingTheBatch()
    {
        await using var live = await LiveEmulator.StartAsync(maxRetryAttempts: 1);
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate));
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.InternalError, ApiOperation.List) { Count = 100 });

        var error = Assert.ThrowsAsync<BatchSubmissionException>(() => live.Echo.RunAsync(Inputs(10)).ToListAsync().AsTask());

        Assert.That(error!.NotCompletedIndices, Is.EqualTo(Enumerable.Range(0, 10)));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>(), "the create's own failure");
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(10), "made once, and not sent again");
    }

    [Test]
    public async Task RunAsync_EarlierRunsOpenIntentWasMade_LooksItUpFirstAndAdoptsItsRequests()
    {
        await using var live = await StartAsync();
        var inputs = Inputs();
        // An earlier run was killed with its first batch call in flight, after the server stored it.
        var intent = new BatchIntent([.. Enumerable.Range(0, 250).Select(i => (long)i)], DateTimeOffset.UtcNow);
        var made = await live.Echo.CreateBatchAsync(inputs.Take(250));
        var creates = live.Sent("batch-create");

        var outcomes = await live.Echo.RunAsync(inputs, new RunOptions { Journal = new IntentJournal(intent) }).ToListAsync();

        Assert.That(outcomes.Take(250).Select(o => o.RequestId), Is.EqualTo(made.Select(m => m.Id)));
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount), "the intent's inputs were not sent again");
        Assert.That(live.Sent("batch-create") - creates, Is.EqualTo(2), "only the other 350 inputs were sent");
        var operations = live.Attempts().Select(a => a.Operation).Skip(creates).ToList();
        Assert.That(operations.IndexOf("list"), Is.LessThan(operations.IndexOf("batch-create")), "looked up before anything new was sent");
    }

    [Test]
    public async Task RunAsync_EarlierRunsOpenIntentWasNeverMade_SendsItsInputsOnce()
    {
        await using var live = await StartAsync();
        var intent = new BatchIntent([.. Enumerable.Range(0, 250).Select(i => (long)i)], DateTimeOffset.UtcNow.AddSeconds(-1));

        var outcomes = await live.Echo.RunAsync(Inputs(), new RunOptions { Journal = new IntentJournal(intent) }).ToListAsync();

        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
        Assert.That(live.Sent("list"), Is.EqualTo(12), "two looks at an empty window: six statuses each");
        Assert.That(live.Sent("batch-create"), Is.EqualTo(3));
    }

    /// <summary>A journal that remembers one batch an earlier run was sending when it stopped.</summary>
    private sealed class IntentJournal(BatchIntent intent) : RunJournal
    {
        public override BatchIntent? FindIntent(long index) => intent.Indices.Contains(index) ? intent : null;
    }

    [TestCase(FaultKind.InternalErrorAfterCommit)]
    [TestCase(FaultKind.BadGatewayAfterCommit)]
    [TestCase(FaultKind.GatewayTimeoutAfterCommit)]
    [TestCase(FaultKind.DropAfterCommit)]
    public async Task CreateAsync_StoredButAnswerLost_ReturnsTheRequestsResultAndRunsItOnce(FaultKind kind)
    {
        await using var live = await StartAsync();
        live.Emulator.AddFaultRule(new FaultRule(kind, ApiOperation.DirectCreate));

        var created = await live.Echo.CreateAsync(RequestInput.FromObject(new { id = 7 }));

        Assert.That(created.Status, Is.EqualTo(RequestStatus.Completed));
        Assert.That(created.Result!.AsString(), Is.EqualTo("""{"id":7}"""));
        Assert.That(live.Emulator.ExecutionCount(created.Id), Is.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(1));
        Assert.That(live.Sent("direct-create"), Is.EqualTo(1), "not sent again");
    }

    [Test]
    public async Task CreateAsync_RefusedBeforeStoring_SentAgainOnce()
    {
        await using var live = await StartAsync();
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.Unavailable, ApiOperation.DirectCreate));

        var created = await live.Echo.CreateAsync(RequestInput.FromObject(new { id = 7 }));

        Assert.That(created.Result!.AsString(), Is.EqualTo("""{"id":7}"""));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(1));
        Assert.That(live.Sent("direct-create"), Is.EqualTo(2));
    }

    [Test]
    public async Task CreateAsync_SameInputMadeJustBefore_ThrowsAmbiguousNamingBothRequests()
    {
        await using var live = await StartAsync();
        var input = RequestInput.FromObject(new { id = 7 });
        var earlier = await live.Echo.CreateAsync(input);
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.DirectCreate));

        var error = Assert.ThrowsAsync<AmbiguousRequestException>(() => live.Echo.CreateAsync(input));

        Assert.That(error!.CandidateRequestIds, Has.Count.EqualTo(2).And.Contains(earlier.Id));
        Assert.That(error.InnerException, Is.InstanceOf<HttpRequestException>());
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(2), "not sent a third time");
    }

    [Test]
    public async Task CreateBatchAsync_OneCallStoredButAnswerLost_ReturnsEveryRequestOnce()
    {
        await using var live = await StartAsync();
        live.Emulator.AddFaultRule(OnSecondBatch(FaultKind.GatewayTimeoutAfterCommit));
        var inputs = Inputs();

        var created = await live.Echo.CreateBatchAsync(inputs, new BatchCreateOptions { MaxConcurrency = 1 });

        Assert.That(created, Has.Count.EqualTo(InputCount));
        Assert.That(created.Select(c => c.Id), Is.Unique);
        var finished = await live.Echo.WaitAsync(created.Select(c => c.Id), LiveEmulator.FastWait).ToListAsync();
        Assert.That(finished.OrderBy(f => created.Select(c => c.Id).ToList().IndexOf(f.Id)).Select(f => f.Result!.AsString()),
            Is.EqualTo(inputs.Select(i => i.ToString())), "each id is its own input's request");
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
    }

    [Test]
    public async Task DeleteAsync_FirstAttemptDeletedButAnswerLost_RetryReportsThoseNotFound()
    {
        await using var live = await StartAsync();
        var ids = (await live.Echo.CreateBatchAsync(Inputs(250))).Select(c => c.Id).ToArray();
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchDelete));

        var result = await live.Echo.DeleteAsync(ids);

        Assert.That(rule.Fired, Is.EqualTo(1));
        Assert.That(result.NotFound, Is.EquivalentTo(ids), "the attempt whose answer was lost had deleted them all");
        Assert.That(result.Deleted, Is.Empty);
        Assert.That(await live.Echo.ListAsync(new RequestFilter { Limit = 1000 }), Is.Empty, "all are gone");
    }
}
