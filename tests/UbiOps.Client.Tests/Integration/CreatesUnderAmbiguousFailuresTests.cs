using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// Creates that fail ambiguously (500, 503, a dropped connection: the server may have accepted them)
/// are never repeated by the client. The caller learns which inputs became requests and resubmits
/// only the others, and in the end every input ran exactly once.
/// </summary>
public sealed class CreatesUnderAmbiguousFailuresTests
{
    private const int InputCount = 1_000;

    [TestCase(500)]
    [TestCase(503)]
    public async Task CreateAsync_AnsweredServerError_ThrowsAfterOneAttemptAndRunsNothing(int status)
    {
        await using var live = await LiveEmulator.StartAsync(status == 500
            ? new FaultOptions { InternalErrorRate = 1 }
            : new FaultOptions { UnavailableRate = 1 });

        var error = Assert.ThrowsAsync<UbiOpsApiException>(() => live.Echo.CreateAsync(RequestInput.FromObject(new { id = 1 })));

        Assert.That(error!.StatusCode, Is.EqualTo(status));
        Assert.That(live.Attempts(), Is.EqualTo(new[] { new LiveEmulator.HttpAttempt("direct-create", 1, status) }));
        Assert.That(live.Emulator.TotalExecutions, Is.Zero);
    }

    [Test]
    public async Task CreateAsync_ConnectionDropped_ThrowsAfterOneAttemptAndRunsNothing()
    {
        await using var live = await LiveEmulator.StartAsync(new FaultOptions { DropRate = 1 });

        Assert.CatchAsync<HttpRequestException>(() => live.Echo.CreateAsync(RequestInput.FromObject(new { id = 1 })));

        Assert.That(live.Attempts(), Is.EqualTo(new[] { new LiveEmulator.HttpAttempt("direct-create", 1, null) }));
        Assert.That(live.Emulator.TotalExecutions, Is.Zero);
    }

    [Test]
    public async Task CreateBatchAsync_AmbiguousFailures_ResubmittingNotSubmittedRunsEachInputOnce()
    {
        await using var live = await LiveEmulator.StartAsync(Faults(seed: 2));
        var inputs = Inputs();
        var requestIds = new string?[InputCount];
        var pending = Enumerable.Range(0, InputCount).ToArray(); // positions of inputs not yet submitted
        var failures = new List<Exception>();

        for (var round = 0; pending.Length > 0 && round < 50; round++)
        {
            try
            {
                var created = await live.Echo.CreateBatchAsync(pending.Select(i => inputs[i]));
                Assert.That(created, Has.Count.EqualTo(pending.Length));
                for (var i = 0; i < created.Count; i++)
                {
                    requestIds[pending[i]] = created[i].Id;
                }

                pending = [];
            }
            catch (BatchSubmissionException e)
            {
                failures.Add(e.InnerException!);
                Assert.That(e.CompletedIndices.Concat(e.NotCompletedIndices).Order(), Is.EqualTo(Enumerable.Range(0, pending.Length)),
                    "every input of the call is either submitted or not");
                foreach (var submitted in e.Submitted)
                {
                    requestIds[pending[submitted.Index]] = submitted.RequestId;
                }

                pending = e.NotCompletedIndices.Select(i => pending[i]).ToArray();
            }
        }

        live.Emulator.Faults = null;
        var finished = await live.Echo.WaitAsync(requestIds!, LiveEmulator.FastWait).ToListAsync();

        Assert.That(pending, Is.Empty, "resubmitting completed the set");
        AssertFaultsFired(failures);
        AssertNoCreateRepeated(live);
        AssertEachInputRanOnce(live, inputs, requestIds!, finished.ToDictionary(d => d.Id));
    }

    [Test]
    public async Task RunAsync_AmbiguousFailures_ResubmittingWhatTheJournalLacksRunsEachInputOnce()
    {
        // These faults strike before anything is stored, so an input the journal lacks was not made
        // and may be sent again. (Faults after the commit are reconciled by the engine itself.)
        await using var live = await LiveEmulator.StartAsync(Faults(seed: 3));
        var inputs = Inputs();
        var requestIds = new string?[InputCount];
        var outcomes = new Dictionary<string, DeploymentRequestBatchDetail>();
        var pending = Enumerable.Range(0, InputCount).ToArray();
        var failures = new List<Exception>();

        for (var round = 0; pending.Length > 0 && round < 50; round++)
        {
            var journal = new ListJournal();
            var yielded = new List<RequestOutcome>();
            try
            {
                await foreach (var outcome in live.Echo.RunAsync(pending.Select(i => inputs[i]), new RunOptions { Journal = journal }))
                {
                    yielded.Add(outcome);
                }

                Assert.That(yielded.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, pending.Length).Select(i => (long)i)));
            }
            catch (BatchSubmissionException e)
            {
                failures.Add(e.InnerException!);
                Assert.That(yielded.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, yielded.Count).Select(i => (long)i)), "outcomes before the failure are in input order");
                Assert.That(e.NotCompletedIndices.Select(i => (long)i), Is.Not.SubsetOf(journal.Accepted.Select(a => a.Index)));
            }

            Assert.That(yielded.Select(o => o.RequestId), Is.SubsetOf(journal.Accepted.Select(a => a.RequestId)), "every request made was told to the journal");
            foreach (var accepted in journal.Accepted)
            {
                requestIds[pending[accepted.Index]] = accepted.RequestId;
            }

            foreach (var outcome in yielded)
            {
                outcomes[outcome.RequestId!] = outcome.Detail!;
            }

            var made = journal.Accepted.Select(a => a.Index).ToHashSet();
            pending = pending.Where((_, i) => !made.Contains(i)).ToArray();
        }

        live.Emulator.Faults = null;
        // The requests made before a failure but not yet yielded: their results are read back.
        var unseen = requestIds.Where(id => id is not null && !outcomes.ContainsKey(id)).Select(id => id!).ToList();
        if (unseen.Count > 0)
        {
            foreach (var detail in await live.Echo.WaitAsync(unseen, LiveEmulator.FastWait).ToListAsync())
            {
                outcomes[detail.Id] = detail;
            }
        }

        Assert.That(pending, Is.Empty, "resubmitting completed the set");
        AssertFaultsFired(failures);
        AssertNoCreateRepeated(live);
        AssertEachInputRanOnce(live, inputs, requestIds!, outcomes);
    }

    private sealed class ListJournal : RunJournal
    {
        private readonly List<SubmittedRequest> _accepted = [];

        public IReadOnlyList<SubmittedRequest> Accepted
        {
            get
            {
                lock (_accepted)
                {
                    return _accepted.ToArray();
                }
            }
        }

        public override ValueTask BatchAcceptedAsync(AcceptedBatch batch)
        {
            lock (_accepted)
            {
                _accepted.AddRange(batch.Requests);
            }

            return ValueTask.CompletedTask;
        }
    }

    // Reads are retried through these faults; creates are not.
    private static FaultOptions Faults(int seed) =>
        new() { InternalErrorRate = 0.15, UnavailableRate = 0.1, DropRate = 0.1, Seed = seed };

    private static RequestInput[] Inputs() =>
        Enumerable.Range(0, InputCount).Select(i => RequestInput.FromObject(new { id = i })).ToArray();

    private static void AssertFaultsFired(List<Exception> failures)
    {
        Assert.That(failures, Is.Not.Empty, "some batch calls failed ambiguously");
        Assert.That(failures, Has.All.InstanceOf<UbiOpsApiException>().Or.InstanceOf<HttpRequestException>());
    }

    private static void AssertNoCreateRepeated(LiveEmulator live)
    {
        var creates = live.Attempts().Where(a => a.Operation == "batch-create").ToList();
        Assert.That(creates, Is.Not.Empty);
        Assert.That(creates.Select(a => a.Attempt), Is.All.EqualTo(1), "no batch create was sent twice");
    }

    private static void AssertEachInputRanOnce(
        LiveEmulator live, RequestInput[] inputs, string[] requestIds, IReadOnlyDictionary<string, DeploymentRequestBatchDetail> finished)
    {
        Assert.That(requestIds, Is.All.Not.Null);
        Assert.That(requestIds, Is.Unique);
        Assert.That(requestIds.Select(live.Emulator.ExecutionCount), Is.All.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount), "nothing ran that the caller does not know of");
        Assert.That(requestIds.Select(id => finished[id].Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())),
            "each request holds its own input's result");
    }
}
