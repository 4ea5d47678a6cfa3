using System.Net;

namespace UbiOps.Client;

/// <summary>
/// The submitting half of a run: reads the inputs as the window allows, and sends them in full
/// batches (a partial one only for the last inputs, a slow stream, or a full window), one call at a
/// time: the server runs requests in the order it accepted them, so batches sent in input order are
/// run in input order (and the oldest unfinished requests, which the poller asks for, are the ones
/// the server is working on). A batch the API refuses is split in halves until the refused inputs
/// are alone. A batch whose answer was lost is looked up on the server (see
/// <see cref="CreateReconciler"/>): its requests adopted if it made them, sent again if it provably
/// did not, its inputs reported ambiguous if the records cannot tell. Batches an earlier run was
/// sending when it stopped (its journal's intents) are looked up the same way before anything new
/// is sent.
/// </summary>
internal sealed class BatchSubmitter(RequestRoute route, EngineSettings settings, RunState run, ServerFacts server)
{
    private const int BatchSize = RequestLimits.MaxItemsPerCall;

    private readonly SemaphoreSlim _calls = new(1, 1);
    private readonly SemaphoreSlim _journal = new(1, 1);
    private readonly List<Task> _sends = [];
    private readonly CreateReconciler _reconciler = new(route, server, new ReconcileSettings(settings.ReconcileDelay, settings.Time));
    private readonly Dictionary<BatchIntent, List<RunItem>> _openIntents = new(ReferenceEqualityComparer.Instance);

    // The newest creation time (server clock) of a request this run made: creates go one at a
    // time, so a later call cannot have made anything before it.
    private DateTimeOffset? _newestCreated;

    public async Task RunAsync(IAsyncEnumerable<RunItem> items)
    {
        var ledger = run.Ledger;
        var journal = settings.Journal;
        var batch = new List<RunItem>(BatchSize);
        IAsyncEnumerator<RunItem>? inputs = null;
        Task<bool>? next = null;
        try
        {
            inputs = items.GetAsyncEnumerator(run.SubmitStop);
            var previous = -1L;
            while (!run.SubmitStop.IsCancellationRequested)
            {
                next ??= inputs.MoveNextAsync().AsTask();
                if (batch.Count > 0 && !next.IsCompleted && !await ArrivesWithinLingerAsync(next).ConfigureAwait(false))
                {
                    // A slow stream: the inputs read so far go now rather than wait for a full batch.
                    batch = await SendAsync(batch).ConfigureAwait(false);
                    continue;
                }

                if (!await next.ConfigureAwait(false))
                {
                    break;
                }

                var item = inputs.Current;
                next = null;
                if (item.Index <= previous)
                {
                    throw new ArgumentException($"Run inputs must come in increasing index order: {item.Index} came after {previous}.");
                }

                previous = item.Index;
                // The oldest inputs in the window may sit in the partial batch: send it before waiting.
                var pending = batch;
                await run.TakeWindowSlotAsync(async () => pending = await SendAsync(pending).ConfigureAwait(false)).ConfigureAwait(false);
                batch = pending;
                ledger.Register(item.Index);
                if (item.Unreadable is { } reason)
                {
                    ledger.Reject(item.Index, reason);
                    run.Report();
                }
                else if ((item.KnownRequestId ?? journal?.FindRequest(item.Index)) is { } id)
                {
                    ledger.Accept([new SubmittedRequest(item.Index, id)], fromEarlierRun: true);
                }
                else if (journal?.FindIntent(item.Index) is { } intent)
                {
                    if (!_openIntents.TryGetValue(intent, out var group))
                    {
                        _openIntents[intent] = group = [];
                    }

                    group.Add(item);
                    if (group.Count >= intent.Indices.Count)
                    {
                        await ScheduleAsync(() => ResolveIntentAsync(intent, group)).ConfigureAwait(false);
                        _openIntents.Remove(intent);
                    }
                }
                else
                {
                    batch.Add(item);
                    if (batch.Count == BatchSize)
                    {
                        batch = await SendAsync(batch).ConfigureAwait(false);
                    }
                }
            }

            if (batch.Count > 0)
            {
                batch = await SendAsync(batch).ConfigureAwait(false);
            }

            await ResolveOpenIntentsAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.SubmitStop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // The inputs themselves failed (a stream that threw, or inputs out of order).
            run.FailSubmitting(e);
        }
        finally
        {
            await Task.WhenAll(_sends).ConfigureAwait(false);
            foreach (var unsent in batch.Concat(_openIntents.Values.SelectMany(g => g)))
            {
                ledger.Abandon(unsent.Index);
            }

            await DisposeAsync(inputs, next).ConfigureAwait(false);
            run.MarkInputsDone();
        }
    }

    private async Task<bool> ArrivesWithinLingerAsync(Task<bool> next)
    {
        using var linger = CancellationTokenSource.CreateLinkedTokenSource(run.SubmitStop);
        var first = await Task.WhenAny(next, Task.Delay(settings.BatchLinger, settings.Time, linger.Token)).ConfigureAwait(false);
        await linger.CancelAsync().ConfigureAwait(false);
        return first == next;
    }

    /// <summary>Starts sending a batch once a call slot is free; returns a new, empty batch.</summary>
    private async ValueTask<List<RunItem>> SendAsync(List<RunItem> batch)
    {
        if (batch.Count == 0)
        {
            return batch;
        }

        // An earlier run's batches are settled before anything new goes out: a new batch must not
        // land in the time window they are looked for in.
        await ResolveOpenIntentsAsync().ConfigureAwait(false);
        await ScheduleAsync(() => CreateAsync(batch, resends: 0)).ConfigureAwait(false);
        return new List<RunItem>(BatchSize);
    }

    /// <summary>Looks up every intent of an earlier run whose inputs have been read, complete or not.</summary>
    private async ValueTask ResolveOpenIntentsAsync()
    {
        foreach (var (intent, group) in _openIntents.ToArray())
        {
            await ScheduleAsync(() => ResolveIntentAsync(intent, group)).ConfigureAwait(false);
            _openIntents.Remove(intent); // only once scheduled: an unscheduled group is abandoned at the end
        }
    }

    /// <summary>Runs <paramref name="work"/> (a create, or a look-up) once the one call slot is free.</summary>
    private async ValueTask ScheduleAsync(Func<Task> work)
    {
        await _calls.WaitAsync(run.SubmitStop).ConfigureAwait(false);
        if (run.SubmitStop.IsCancellationRequested)
        {
            // A slot freed by the call whose failure stopped submitting: nothing more goes out.
            _calls.Release();
            throw new OperationCanceledException(run.SubmitStop);
        }

        // Finished sends are dropped as new ones go out (a faulted one stays for the final WhenAll):
        // the list stays a few tasks long however long the run.
        _sends.RemoveAll(t => t.IsCompletedSuccessfully);
        _sends.Add(Task.Run(async () =>
        {
            try
            {
                await work().ConfigureAwait(false);
            }
            finally
            {
                _calls.Release();
            }
        }, CancellationToken.None));
    }

    /// <param name="items">The inputs of the batch.</param>
    /// <param name="resends">How often these inputs were sent again after a look-up proved the batch not made.</param>
    /// <param name="resolution">Whether they are sent again because a look-up could not tell (their outcomes say so).</param>
    private async Task CreateAsync(IReadOnlyList<RunItem> items, int resends, AmbiguityResolution resolution = AmbiguityResolution.None)
    {
        var sent = settings.Time.GetUtcNow();
        var intent = new BatchIntent(items.Select(i => i.Index).ToArray(), sent);
        if (!await TellJournalAsync(j => j.BatchSendingAsync(intent)).ConfigureAwait(false))
        {
            return;
        }

        ICollection<DeploymentRequestBatchCreateResponse> created;
        try
        {
            // Not cancellable: a call in flight may already be accepted, and only its answer tells
            // which requests exist. The attempt timeouts bound it.
            created = await route.CreateBatchAsync(items.Select(i => i.Input!).ToArray(),
                settings.TimeoutSeconds, settings.Priority, settings.NotificationGroup, CancellationToken.None).ConfigureAwait(false);
        }
        catch (UbiOpsApiException e) when (IsRefusal(e))
        {
            // All or nothing: one bad input refuses the batch. Halve it until the bad ones are alone.
            if (items.Count == 1)
            {
                run.Ledger.Reject(items[0].Index, $"The API refused the input ({e.StatusCode}): {e.Error ?? e.Message}");
                run.Report();
                return;
            }

            var half = items.Count / 2;
            await CreateAsync(items.Take(half).ToArray(), resends, resolution).ConfigureAwait(false);
            await CreateAsync(items.Skip(half).ToArray(), resends, resolution).ConfigureAwait(false);
            return;
        }
        catch (Exception e) when (LostAnswer.Is(e, CancellationToken.None))
        {
            // A 5xx, a timeout or a dropped connection: the server may have made the requests.
            await ReconcileAsync(items, sent, e, resends, resolution: resolution).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            // A clear refusal of the call itself (unknown deployment, bad token, rate limit): nothing was made.
            await TellJournalAsync(j => j.BatchRefusedAsync(intent)).ConfigureAwait(false);
            Stop(items, e);
            return;
        }

        if (created.Count != items.Count)
        {
            Stop(items, new InvalidOperationException(
                $"The API created {created.Count} requests for a batch of {items.Count} inputs, so they cannot be matched to the inputs."));
            return;
        }

        server.Clock.Observe(sent, settings.Time.GetUtcNow(), created.Select(c => c.TimeCreated));
        Created(created.Select(c => c.TimeCreated));
        await AcceptAsync(items, created.Select(c => c.Id).ToArray(), resolution).ConfigureAwait(false);
    }

    /// <summary>An earlier run was sending these inputs when it stopped: find out what became of them.</summary>
    private async Task ResolveIntentAsync(BatchIntent intent, IReadOnlyList<RunItem> items)
    {
        // The earlier run's requests for the inputs around these are not this batch's.
        var first = items.Min(i => i.Index);
        var last = items.Max(i => i.Index);
        var neighbors = new HashSet<string>(StringComparer.Ordinal);
        string? before = null;
        for (var index = Math.Max(0, first - RunJournal.NeighborSpan); index <= last + RunJournal.NeighborSpan; index++)
        {
            if (settings.Journal?.FindRequest(index) is { } id)
            {
                neighbors.Add(id);
                before = index < first ? id : before;
            }
        }

        // That run sent its batches one at a time: the batch it made just before this one was made
        // earlier, and its creation time bounds the search window (this process has not learnt the
        // server's clock yet). One collect call; without it the window is wider, not wrong.
        DateTimeOffset? notBefore = null;
        if (before is not null)
        {
            try
            {
                notBefore = (await route.CollectAsync([before], run.SubmitStop).ConfigureAwait(false)).FirstOrDefault()?.TimeCreated;
                UbiOpsMetrics.ReconciliationCalls.Add(1);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Deleted since, or unreadable: look in the wider window.
            }
        }

        await ReconcileAsync(items, intent.SentAt, failure: null, resends: 0, id => neighbors.Contains(id), notBefore).ConfigureAwait(false);
    }

    private void Created(IEnumerable<DateTimeOffset> times)
    {
        var newest = times.DefaultIfEmpty().Max();
        if (newest != default && (_newestCreated is null || newest > _newestCreated))
        {
            _newestCreated = newest;
        }
    }

    /// <summary>
    /// Looks up on the server whether the call that sent <paramref name="items"/> at
    /// <paramref name="sent"/> made their requests, and acts on what it finds.
    /// </summary>
    private async Task ReconcileAsync(IReadOnlyList<RunItem> items, DateTimeOffset sent, Exception? failure, int resends,
        Func<string, bool>? alsoKnown = null, DateTimeOffset? notBefore = null, AmbiguityResolution resolution = AmbiguityResolution.None)
    {
        Reconciliation found;
        try
        {
            found = await _reconciler.ReconcileAsync(items.Select(i => i.Input!).ToArray(), sent, settings.Time.GetUtcNow(),
                id => run.Ledger.Knows(id) || alsoKnown?.Invoke(id) == true, run.SubmitStop, notBefore ?? _newestCreated).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (run.SubmitStop.IsCancellationRequested)
        {
            // Stopped while looking: the intent stays in the journal, and a resumed run looks again.
            Abandon(items);
            return;
        }
        catch (Exception e)
        {
            // The server cannot even be read: only it knows, so the run stops here.
            Stop(items, failure ?? e);
            return;
        }

        switch (found)
        {
            case Reconciliation.Created created:
                Created(created.Requests.Select(r => r.TimeCreated));
                await AcceptAsync(items, created.Requests.Select(r => r.Id).ToArray(), resolution).ConfigureAwait(false);
                break;
            case Reconciliation.NotCreated when resends < CreateReconciler.MaxResends:
                await CreateAsync(items, resends + 1, resolution).ConfigureAwait(false);
                break;
            case Reconciliation.NotCreated:
                Stop(items, failure ?? new InvalidOperationException("The batch was sent again and again without an answer."));
                break;
            case Reconciliation.Undecided undecided:
                // The requests it could tell are the batch's; the other inputs go as the options say.
                var told = Enumerable.Range(0, items.Count).Where(i => undecided.Adopted[i] is not null).ToArray();
                if (told.Length > 0)
                {
                    Created(told.Select(i => undecided.Adopted[i]!.TimeCreated));
                    await AcceptAsync(told.Select(i => items[i]).ToArray(), told.Select(i => undecided.Adopted[i]!.Id).ToArray(), resolution).ConfigureAwait(false);
                }

                await SettleAmbiguousAsync(
                    Enumerable.Range(0, items.Count).Where(i => undecided.Adopted[i] is null).Select(i => (items[i], undecided.Candidates[i])).ToArray(),
                    resends).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// The inputs whose request the look-up could not tell, by <see cref="EngineSettings.OnAmbiguous"/>:
    /// reported; adopted (each takes a candidate no other input of the run has); or sent again.
    /// </summary>
    private async Task SettleAmbiguousAsync(IReadOnlyList<(RunItem Item, IReadOnlyList<string> Candidates)> undecided, int resends)
    {
        if (undecided.Count == 0)
        {
            return;
        }

        if (settings.OnAmbiguous == AmbiguousInputPolicy.Resend)
        {
            await CreateAsync(undecided.Select(u => u.Item).ToArray(), resends + 1, AmbiguityResolution.SentAgain).ConfigureAwait(false);
            return;
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var adopted = new List<(RunItem Item, string Id)>();
        foreach (var (item, candidates) in undecided)
        {
            if (settings.OnAmbiguous == AmbiguousInputPolicy.Adopt &&
                candidates.FirstOrDefault(id => !run.Ledger.Knows(id) && taken.Add(id)) is { } candidate)
            {
                adopted.Add((item, candidate));
            }
            else
            {
                run.Ledger.Ambiguous(item.Index, candidates);
            }
        }

        if (adopted.Count > 0)
        {
            await AcceptAsync(adopted.Select(a => a.Item).ToArray(), adopted.Select(a => a.Id).ToArray(), AmbiguityResolution.Adopted).ConfigureAwait(false);
        }

        run.Report();
    }

    private async Task AcceptAsync(IReadOnlyList<RunItem> items, IReadOnlyList<string> ids, AmbiguityResolution resolution = AmbiguityResolution.None)
    {
        var accepted = items.Zip(ids, (item, id) => new SubmittedRequest(item.Index, id)).ToArray();
        if (!await TellJournalAsync(j => j.BatchAcceptedAsync(new AcceptedBatch(accepted))).ConfigureAwait(false))
        {
            return;
        }

        run.Ledger.Accept(accepted, resolution: resolution);
        run.Report();
    }

    /// <summary>Tells the journal (one call at a time); a journal that throws ends the run.</summary>
    private async Task<bool> TellJournalAsync(Func<RunJournal, ValueTask> tell)
    {
        if (settings.Journal is not { } journal)
        {
            return true;
        }

        await _journal.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await tell(journal).ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            run.Fail(e);
            return false;
        }
        finally
        {
            _journal.Release();
        }
    }

    private void Abandon(IReadOnlyList<RunItem> items)
    {
        run.Ledger.StopAt(items.Min(i => i.Index));
        foreach (var item in items)
        {
            run.Ledger.Abandon(item.Index);
        }
    }

    // The batch did not (surely) become requests: stop submitting; what was accepted is still waited for.
    private void Stop(IReadOnlyList<RunItem> items, Exception failure)
    {
        Abandon(items);
        run.FailSubmitting(failure is UbiOpsApiException { StatusCode: >= 400 and < 500 }
            ? failure // a clear refusal of the call itself (unknown deployment, bad token): nothing was made
            : new BatchSubmissionException([], items.Select(i => checked((int)i.Index)).ToArray(), failure));
    }

    /// <summary>The API refused the inputs themselves: nothing of the batch was made, and part of it may be fine.</summary>
    private static bool IsRefusal(UbiOpsApiException e) => e.StatusCode is
        (int)HttpStatusCode.BadRequest or (int)HttpStatusCode.RequestEntityTooLarge or (int)HttpStatusCode.UnprocessableEntity;

    private static async Task DisposeAsync(IAsyncEnumerator<RunItem>? inputs, Task<bool>? next)
    {
        if (next is not null)
        {
            try
            {
                await next.ConfigureAwait(false);
            }
            catch
            {
                // A stop cancels the read in progress; its outcome is of no further use.
            }
        }

        if (inputs is not null)
        {
            await inputs.DisposeAsync().ConfigureAwait(false);
        }
    }
}
