using System.Runtime.CompilerServices;

namespace UbiOps.Client;

/// <summary>
/// Polls requests with collect calls until each reaches a terminal status, yielding each one as it
/// finishes (those finishing in the same poll in order of position).
/// </summary>
internal sealed class RequestWaiter(RequestRoute route, WaitOptions options)
{
    public async IAsyncEnumerable<(int Position, DeploymentRequestBatchDetail Detail)> WaitAsync(
        RequestFeed feed, IProgress<WaitProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var unfinished = new SortedDictionary<int, string>();
        int completed = 0, failed = 0, cancelled = 0;
        var interval = options.InitialInterval;

        TimeSpan? Left() => options.Timeout - clock.GetElapsedTime(started);

        WaitTimeoutException Timeout()
        {
            // Requests fed since the last take are unfinished too: the caller learns every id it must still await.
            foreach (var (position, id) in feed.Take().Added)
            {
                unfinished[position] = id;
            }

            return new WaitTimeoutException(
                $"{feed.ExpectedTotal - completed - failed - cancelled} of {feed.ExpectedTotal} requests were still unfinished after waiting {options.Timeout}.",
                unfinished.Values.ToArray());
        }

        while (true)
        {
            var (added, fed, failure, changed) = feed.Take();
            foreach (var (position, id) in added)
            {
                unfinished[position] = id;
            }

            if (unfinished.Count == 0)
            {
                if (!fed)
                {
                    // Nothing to poll until the next requests are submitted.
                    var waitForMore = Left() is { } left
                        ? changed.WaitAsync(left > TimeSpan.Zero ? left : TimeSpan.Zero, clock, ct)
                        : changed.WaitAsync(ct);
                    try
                    {
                        await waitForMore.ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        throw Timeout();
                    }

                    continue;
                }

                if (failure is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
                }

                yield break;
            }

            var positionOf = unfinished.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
            var finished = new SortedDictionary<int, DeploymentRequestBatchDetail>();
            foreach (var detail in await CollectAsync(unfinished.Values.ToArray(), ct).ConfigureAwait(false))
            {
                if (detail?.Id is { } id && detail.Status.IsTerminal && positionOf.TryGetValue(id, out var at) && unfinished.Remove(at))
                {
                    finished[at] = detail;
                    var status = detail.Status;
                    if (status == RequestStatus.Completed) completed++;
                    else if (status == RequestStatus.Failed) failed++;
                    else cancelled++;
                }
            }

            progress?.Report(new WaitProgress(feed.ExpectedTotal, completed, failed, cancelled));
            foreach (var (position, detail) in finished)
            {
                yield return (position, detail);
            }

            if (unfinished.Count == 0)
            {
                // Done with what is known; the top of the loop ends or takes newly fed requests.
                continue;
            }

            var pause = interval;
            if (Left() is { } remaining)
            {
                if (remaining <= TimeSpan.Zero)
                {
                    throw Timeout();
                }

                // Poll once more right at the deadline rather than giving up a full interval early.
                pause = remaining < pause ? remaining : pause;
            }

            await Task.Delay(pause, clock, ct).ConfigureAwait(false);
            interval = TimeSpan.FromTicks((long)Math.Min(interval.Ticks * options.BackoffFactor, options.MaxInterval.Ticks));
        }
    }

    /// <summary>One poll: collect calls of at most 250 ids each, a bounded number at a time.</summary>
    private async Task<IEnumerable<DeploymentRequestBatchDetail>> CollectAsync(string[] ids, CancellationToken ct)
    {
        var results = await ChunkRunner.RunAsync(ChunkRunner.Split(ids), options.MaxConcurrency,
            (chunk, token) => route.CollectAsync(chunk, token), ct).ConfigureAwait(false);
        // Collect is a read: a failed poll is reported as it is, nothing is left half done.
        results.ThrowIfFailed();
        return Enumerable.Range(0, results.Count).SelectMany(i => results[i]);
    }
}
