using System.Runtime.CompilerServices;

namespace UbiOps.Client;

/// <summary>
/// Polls a set of requests with collect calls until each reaches a terminal status, yielding each
/// one as it finishes (those finishing in the same poll in input order).
/// </summary>
internal sealed class RequestWaiter(RequestRoute route, WaitOptions options)
{
    public async IAsyncEnumerable<DeploymentRequestBatchDetail> WaitAsync(
        IReadOnlyList<string> ids, IProgress<WaitProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        var clock = options.TimeProvider;
        var started = clock.GetTimestamp();
        var position = new Dictionary<string, int>(ids.Count, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            position.TryAdd(id, position.Count);
        }

        var unfinished = new SortedSet<int>(position.Values);
        var order = position.Keys.ToArray();
        int completed = 0, failed = 0, cancelled = 0;
        var interval = options.InitialInterval;

        while (true)
        {
            var pendingIds = unfinished.Select(i => order[i]).ToArray();
            var finished = new List<(int Position, DeploymentRequestBatchDetail Detail)>();
            foreach (var detail in await CollectAsync(pendingIds, ct).ConfigureAwait(false))
            {
                if (detail?.Id is { } id && position.TryGetValue(id, out var at) && detail.RequestStatus.IsTerminal && unfinished.Remove(at))
                {
                    finished.Add((at, detail));
                }
            }

            foreach (var (_, detail) in finished.OrderBy(f => f.Position))
            {
                var status = detail.RequestStatus;
                if (status == RequestStatus.Completed) completed++;
                else if (status == RequestStatus.Failed) failed++;
                else cancelled++;
            }

            progress?.Report(new WaitProgress(order.Length, completed, failed, cancelled));
            foreach (var (_, detail) in finished.OrderBy(f => f.Position))
            {
                yield return detail;
            }

            if (unfinished.Count == 0)
            {
                yield break;
            }

            var pause = interval;
            if (options.Timeout is { } timeout)
            {
                var left = timeout - clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new TimeoutException(
                        $"{unfinished.Count} of {order.Length} requests were still unfinished after waiting {timeout}.");
                }

                // Poll once more right at the deadline rather than giving up a full interval early.
                pause = left < pause ? left : pause;
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
