namespace UbiOps.Client;

// Operations on any number of requests, split into API calls of at most 250 items.
public partial class DeploymentScope
{
    /// <summary>
    /// Creates one batch request per input with the default <see cref="BatchCreateOptions"/>; see
    /// <see cref="CreateBatchAsync(IEnumerable{RequestInput}, BatchCreateOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="cancellationToken">Cancels the calls not yet made.</param>
    /// <returns>The created requests, in input order.</returns>
    /// <exception cref="ArgumentException">No inputs, a <see langword="null"/> input, or plain and structured mixed.</exception>
    /// <exception cref="BatchSubmissionException">A call failed; it tells which inputs were submitted.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any input was submitted.</exception>
    public virtual Task<IReadOnlyList<DeploymentRequestBatchCreateResponse>> CreateBatchAsync(
        IEnumerable<RequestInput> inputs, CancellationToken cancellationToken = default) =>
        CreateBatchAsync(inputs, options: null, cancellationToken);

    /// <summary>
    /// Creates one batch request per input, in calls of at most <see cref="RequestLimits.MaxItemsPerCall"/>
    /// inputs, a bounded number at a time. The requests are queued; collect or wait for their results.
    /// </summary>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="options">Timeout, notification group and concurrency; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Cancels the calls not yet made.</param>
    /// <returns>The created requests, in input order.</returns>
    /// <exception cref="ArgumentException">No inputs, a <see langword="null"/> input, plain and structured mixed, or bad options.</exception>
    /// <exception cref="BatchSubmissionException">
    /// A call failed: the exception tells which inputs were submitted (with their ids) and which
    /// were not; the API's error is the inner exception.
    /// </exception>
    /// <exception cref="OperationCanceledException">Cancelled before any input was submitted.</exception>
    public virtual Task<IReadOnlyList<DeploymentRequestBatchCreateResponse>> CreateBatchAsync(
        IEnumerable<RequestInput> inputs, BatchCreateOptions? options, CancellationToken cancellationToken = default)
    {
        var items = Guard.Inputs(inputs, nameof(inputs));
        options ??= new BatchCreateOptions();
        options.Validate();
        return CreateBatchCoreAsync(items, options, cancellationToken);
    }

    /// <summary>
    /// Reads any number of requests with their inputs and results, in calls of at most
    /// <see cref="RequestLimits.MaxItemsPerCall"/> ids.
    /// </summary>
    /// <param name="requestIds">The request ids.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The requests in the order of <paramref name="requestIds"/> (the API answers in no particular order).</returns>
    /// <exception cref="ArgumentException">No ids, or an empty id.</exception>
    /// <exception cref="UbiOpsApiException">A call failed (404 when one of its ids is unknown).</exception>
    public virtual Task<IReadOnlyList<DeploymentRequestBatchDetail>> CollectAsync(IEnumerable<string> requestIds, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        return CollectCoreAsync(ids, cancellationToken);
    }

    /// <summary>
    /// Deletes any number of requests, in calls of at most <see cref="RequestLimits.MaxItemsPerCall"/> ids.
    /// </summary>
    /// <param name="requestIds">The request ids.</param>
    /// <param name="cancellationToken">Cancels the calls not yet made.</param>
    /// <returns>A task that completes when all are deleted.</returns>
    /// <exception cref="ArgumentException">No ids, or an empty id.</exception>
    /// <exception cref="BatchOperationException">A call failed: the exception tells which ids were deleted and which not.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any request was deleted.</exception>
    public virtual Task DeleteAsync(IEnumerable<string> requestIds, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        return DeleteCoreAsync(ids, cancellationToken);
    }

    private async Task<IReadOnlyList<DeploymentRequestBatchCreateResponse>> CreateBatchCoreAsync(
        RequestInput[] inputs, BatchCreateOptions options, CancellationToken ct,
        Func<int, DeploymentRequestBatchCreateResponse[], ValueTask>? onAccepted = null)
    {
        var timeoutSeconds = options.TimeoutSeconds();
        var chunks = ChunkRunner.Split(inputs);
        var results = await ChunkRunner.RunAsync(chunks, options.MaxConcurrency, async (chunk, _) =>
        {
            // Cancellation stops new calls only. A call in flight may already be accepted, and only its
            // answer tells which requests exist; cut short, its inputs would be reported as not
            // submitted and a resubmission would run them twice. The attempt timeouts bound the call.
            var created = await _route.CreateBatchAsync(chunk, timeoutSeconds, options.NotificationGroup, CancellationToken.None).ConfigureAwait(false);
            if (created.Count != chunk.Count)
            {
                throw new InvalidOperationException(
                    $"The API created {created.Count} requests for a batch of {chunk.Count} inputs, so they cannot be matched to the inputs.");
            }

            var accepted = created.ToArray();
            if (onAccepted is not null)
            {
                // Must not throw: an exception here would report an accepted batch as not submitted.
                await onAccepted(chunk.Offset, accepted).ConfigureAwait(false);
            }

            return accepted;
        }, ct).ConfigureAwait(false);

        if (results.Failure is { } failure)
        {
            var submitted = new List<SubmittedRequest>();
            var notSubmitted = new List<int>();
            for (var c = 0; c < chunks.Count; c++)
            {
                for (var i = 0; i < chunks[c].Count; i++)
                {
                    var index = chunks[c].Offset + i;
                    if (results.Succeeded(c))
                    {
                        submitted.Add(new SubmittedRequest(index, results[c][i].Id));
                    }
                    else
                    {
                        notSubmitted.Add(index);
                    }
                }
            }

            if (submitted.Count == 0 && failure is OperationCanceledException)
            {
                results.ThrowIfFailed();
            }

            throw new BatchSubmissionException(submitted, notSubmitted, failure);
        }

        return Enumerable.Range(0, chunks.Count).SelectMany(c => results[c]).ToArray();
    }

    private async Task<IReadOnlyList<DeploymentRequestBatchDetail>> CollectCoreAsync(string[] ids, CancellationToken ct)
    {
        var unique = ids.Distinct(StringComparer.Ordinal).ToArray();
        var results = await ChunkRunner.RunAsync(ChunkRunner.Split(unique), BatchCreateOptions.DefaultMaxConcurrency,
            (chunk, token) => _route.CollectAsync(chunk, token), ct).ConfigureAwait(false);
        results.ThrowIfFailed();

        var byId = new Dictionary<string, DeploymentRequestBatchDetail>(unique.Length, StringComparer.Ordinal);
        for (var c = 0; c < results.Count; c++)
        {
            foreach (var detail in results[c])
            {
                byId[detail.Id] = detail;
            }
        }

        return ids.Select(id => byId.TryGetValue(id, out var detail)
            ? detail
            : throw new InvalidOperationException($"The API's collect answer did not contain request '{id}'.")).ToArray();
    }

    private async Task DeleteCoreAsync(string[] ids, CancellationToken ct)
    {
        var unique = ids.Distinct(StringComparer.Ordinal).ToArray();
        var chunks = ChunkRunner.Split(unique);
        var results = await ChunkRunner.RunAsync(chunks, BatchCreateOptions.DefaultMaxConcurrency, async (chunk, token) =>
        {
            await _route.DeleteBatchAsync(chunk, token).ConfigureAwait(false);
            return true;
        }, ct).ConfigureAwait(false);

        if (results.Failure is not { } failure)
        {
            return;
        }

        var deleted = new HashSet<string>(
            Enumerable.Range(0, chunks.Count).Where(results.Succeeded).SelectMany(c => chunks[c]), StringComparer.Ordinal);
        if (deleted.Count == 0 && failure is OperationCanceledException)
        {
            results.ThrowIfFailed();
        }

        var indices = Enumerable.Range(0, ids.Length).ToLookup(i => deleted.Contains(ids[i]));
        throw new BatchOperationException(
            $"Deleted {indices[true].Count()} of {ids.Length} requests before a batch delete call failed: {failure.Message}",
            indices[true].ToArray(), indices[false].ToArray(), failure);
    }
}
