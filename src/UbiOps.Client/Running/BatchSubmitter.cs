using System.Net;

namespace UbiOps.Client;

/// <summary>
/// The submitting half of a run: reads the inputs as the window allows, and sends them in full
/// batches (a partial one only for the last inputs, a slow stream, or a full window), one call at a
/// time: the server runs requests in the order it accepted them, so batches sent in input order are
/// run in input order (and the oldest unfinished requests, which the poller asks for, are the ones
/// the server is working on). A batch the API refuses is split in halves until the refused inputs are alone; a batch
/// whose answer was lost stops submitting (the server may have made its requests).
/// </summary>
internal sealed class BatchSubmitter(RequestRoute route, EngineSettings settings, RunState run)
{
    private const int BatchSize = RequestLimits.MaxItemsPerCall;

    private readonly SemaphoreSlim _calls = new(1, 1);
    private readonly SemaphoreSlim _journal = new(1, 1);
    private readonly List<Task> _sends = [];

    public async Task RunAsync(IAsyncEnumerable<RunItem> items)
    {
        var ledger = run.Ledger;
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
                else if ((item.KnownRequestId ?? settings.Journal?.FindRequest(item.Index)) is { } id)
                {
                    ledger.Accept([new SubmittedRequest(item.Index, id)], fromEarlierRun: true);
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
            foreach (var unsent in batch)
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

        await _calls.WaitAsync(run.SubmitStop).ConfigureAwait(false);
        if (run.SubmitStop.IsCancellationRequested)
        {
            // A slot freed by the call whose failure stopped submitting: nothing more goes out.
            _calls.Release();
            throw new OperationCanceledException(run.SubmitStop);
        }

        _sends.Add(Task.Run(async () =>
        {
            try
            {
                await CreateAsync(batch).ConfigureAwait(false);
            }
            finally
            {
                _calls.Release();
            }
        }, CancellationToken.None));
        return new List<RunItem>(BatchSize);
    }

    private async Task CreateAsync(IReadOnlyList<RunItem> items)
    {
        ICollection<DeploymentRequestBatchCreateResponse> created;
        try
        {
            // Not cancellable: a call in flight may already be accepted, and only its answer tells
            // which requests exist. The attempt timeouts bound it.
            created = await route.CreateBatchAsync(items.Select(i => i.Input!).ToArray(),
                settings.TimeoutSeconds, settings.NotificationGroup, CancellationToken.None).ConfigureAwait(false);
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
            await CreateAsync(items.Take(half).ToArray()).ConfigureAwait(false);
            await CreateAsync(items.Skip(half).ToArray()).ConfigureAwait(false);
            return;
        }
        catch (Exception e)
        {
            Stop(items, e);
            return;
        }

        if (created.Count != items.Count)
        {
            Stop(items, new InvalidOperationException(
                $"The API created {created.Count} requests for a batch of {items.Count} inputs, so they cannot be matched to the inputs."));
            return;
        }

        var accepted = items.Zip(created, (item, request) => new SubmittedRequest(item.Index, request.Id)).ToArray();
        if (settings.Journal is { } journal)
        {
            await _journal.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await journal.BatchAcceptedAsync(new AcceptedBatch(accepted)).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                run.Fail(e);
                return;
            }
            finally
            {
                _journal.Release();
            }
        }

        run.Ledger.Accept(accepted);
        run.Report();
    }

    // The batch did not (surely) become requests: stop submitting; what was accepted is still waited for.
    private void Stop(IReadOnlyList<RunItem> items, Exception failure)
    {
        var indices = items.Select(i => i.Index).ToArray();
        run.Ledger.StopAt(indices.Min());
        foreach (var index in indices)
        {
            run.Ledger.Abandon(index);
        }

        run.FailSubmitting(failure is UbiOpsApiException { StatusCode: >= 400 and < 500 }
            ? failure // a clear refusal of the call itself (unknown deployment, bad token): nothing was made
            : new BatchSubmissionException([], indices.Select(i => checked((int)i)).ToArray(), failure));
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
