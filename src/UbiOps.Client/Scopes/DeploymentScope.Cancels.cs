namespace UbiOps.Client;

// Cancelling many requests: by id in calls of 250, or every pending or processing one. Batch cancel
// is served by today's service (the 2025-12 generation); a 2024-07 server answers it with an error.
public partial class DeploymentScope
{
    /// <summary>
    /// Cancels any number of requests, in calls of at most <see cref="RequestLimits.MaxItemsPerCall"/>
    /// ids: a pending request is cancelled at once, a processing one goes to
    /// <see cref="RequestStatus.CancelledPending"/> on its way to <see cref="RequestStatus.Cancelled"/>.
    /// </summary>
    /// <remarks>
    /// Each call is all or nothing: the server refuses it whole when one of its ids is unknown.
    /// Served by today's service; servers of the 2024-07 generation have no batch cancel (cancel
    /// one request at a time there with <see cref="CancelAsync(string, CancellationToken)"/>).
    /// </remarks>
    /// <param name="requestIds">The request ids.</param>
    /// <param name="cancellationToken">Cancels the calls not yet made.</param>
    /// <returns>A task that completes when every call was answered.</returns>
    /// <exception cref="ArgumentException">No ids, or an empty id.</exception>
    /// <exception cref="BatchOperationException">A call failed: the exception tells which ids were cancelled and which not.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any request was cancelled.</exception>
    public virtual Task CancelAsync(IEnumerable<string> requestIds, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        return CancelManyAsync(ids, cancellationToken);
    }

    /// <summary>
    /// Cancels every request of this deployment (version) that has the given status, in one call.
    /// </summary>
    /// <param name="status"><see cref="RequestStatus.Pending"/> or <see cref="RequestStatus.Processing"/>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the server has answered.</returns>
    /// <exception cref="ArgumentException">The status is neither pending nor processing.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (a 2024-07 server has no batch cancel).</exception>
    public virtual Task CancelAllAsync(RequestStatus status, CancellationToken cancellationToken = default)
    {
        if (status != RequestStatus.Pending && status != RequestStatus.Processing)
        {
            throw new ArgumentException(
                $"Only all {RequestStatus.Pending} or all {RequestStatus.Processing} requests can be cancelled at once, not all '{status}' ones.", nameof(status));
        }

        return _route.CancelBatchAsync([], status, cancellationToken);
    }

    private async Task CancelManyAsync(string[] ids, CancellationToken ct)
    {
        var unique = ids.Distinct(StringComparer.Ordinal).ToArray();
        var chunks = ChunkRunner.Split(unique);
        var results = await ChunkRunner.RunAsync(chunks, BatchCreateOptions.DefaultMaxConcurrency,
            async (chunk, token) =>
            {
                await _route.CancelBatchAsync(chunk, status: null, token).ConfigureAwait(false);
                return true;
            }, ct).ConfigureAwait(false);

        if (results.Failure is not { } failure)
        {
            return;
        }

        var cancelled = new HashSet<string>(
            Enumerable.Range(0, chunks.Count).Where(results.Succeeded).SelectMany(c => chunks[c]), StringComparer.Ordinal);
        if (cancelled.Count == 0 && failure is OperationCanceledException)
        {
            results.ThrowIfFailed();
        }

        var indices = Enumerable.Range(0, ids.Length).ToLookup(i => cancelled.Contains(ids[i]));
        throw new BatchOperationException(
            $"Cancelled {indices[true].Count()} of {ids.Length} requests before a batch cancel call failed: {failure.Message}",
            indices[true].ToArray(), indices[false].ToArray(), failure);
    }
}
