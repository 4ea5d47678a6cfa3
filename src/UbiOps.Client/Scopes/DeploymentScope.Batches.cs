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
    /// <remarks>
    /// The API refuses a whole call with 404 when one of its ids is unknown, also when an earlier
    /// attempt of the same call deleted them and only its answer was lost (a delete is retried as
    /// safe). Such a call is split in halves until the unknown ids are alone, so the others are
    /// still deleted; the unknown ones are told in <see cref="BatchDeleteResult.NotFound"/>. Splitting
    /// costs at most two calls per unknown id and level (about 2·n calls when all n are gone).
    /// </remarks>
    /// <param name="requestIds">The request ids.</param>
    /// <param name="cancellationToken">Cancels the calls not yet made.</param>
    /// <returns>Which ids this call deleted, and which the server did not know (already gone).</returns>
    /// <exception cref="ArgumentException">No ids, or an empty id.</exception>
    /// <exception cref="BatchOperationException">A call failed: the exception tells which ids were deleted and which not.</exception>
    /// <exception cref="OperationCanceledException">Cancelled before any request was deleted.</exception>
    public virtual Task<BatchDeleteResult> DeleteAsync(IEnumerable<string> requestIds, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        return DeleteCoreAsync(ids, cancellationToken);
    }

    private async Task<IReadOnlyList<DeploymentRequestBatchCreateResponse>> CreateBatchCoreAsync(
        RequestInput[] inputs, BatchCreateOptions options, CancellationToken ct)
    {
        var timeoutSeconds = options.TimeoutSeconds();
        var chunks = ChunkRunner.Split(inputs);
        var reconciler = new CreateReconciler(_route, Client.Server, new ReconcileSettings(Client.ReconcileDelay, TimeProvider.System));
        var made = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>(StringComparer.Ordinal);
        var results = await ChunkRunner.RunAsync(chunks, options.MaxConcurrency, async (chunk, _) =>
            // Cancellation stops new calls only. A call in flight may already be accepted, and only its
            // answer (or the server's records) tells which requests exist; cut short, its inputs would
            // be reported as not submitted and a resubmission would run them twice.
            await CreateChunkAsync(chunk, timeoutSeconds, options, reconciler, made).ConfigureAwait(false), ct).ConfigureAwait(false);

        var submitted = new List<SubmittedRequest>();
        var notSubmitted = new List<int>();
        var ambiguous = new List<AmbiguousInput>();
        for (var c = 0; c < chunks.Count; c++)
        {
            for (var i = 0; i < chunks[c].Count; i++)
            {
                var index = chunks[c].Offset + i;
                if (!results.Succeeded(c))
                {
                    notSubmitted.Add(index);
                }
                else if (results[c].Created?[i] is { } created)
                {
                    submitted.Add(new SubmittedRequest(index, created.Id));
                }
                else
                {
                    notSubmitted.Add(index);
                    ambiguous.Add(new AmbiguousInput(index, results[c].Ambiguous![i]));
                }
            }
        }

        if (results.Failure is { } failure)
        {
            if (submitted.Count == 0 && ambiguous.Count == 0 && failure is OperationCanceledException)
            {
                results.ThrowIfFailed();
            }

            throw new BatchSubmissionException(submitted, notSubmitted, ambiguous, failure);
        }

        if (ambiguous.Count > 0)
        {
            throw new BatchSubmissionException(submitted, notSubmitted, ambiguous,
                new InvalidOperationException("A batch call lost its answer and the server's records cannot tell whether it made its requests."));
        }

        return Enumerable.Range(0, chunks.Count).SelectMany(c => results[c].Created!).Select(r => r!).ToArray();
    }

    /// <summary>
    /// What one batch call made: per input its request, or (a lost answer the records cannot settle
    /// for that input) null and the input's candidates in <paramref name="Ambiguous"/>.
    /// </summary>
    private sealed record ChunkCreated(DeploymentRequestBatchCreateResponse?[]? Created, IReadOnlyList<IReadOnlyList<string>>? Ambiguous);

    private async Task<ChunkCreated> CreateChunkAsync(IReadOnlyList<RequestInput> chunk, int? timeoutSeconds, BatchCreateOptions options,
        CreateReconciler reconciler, System.Collections.Concurrent.ConcurrentDictionary<string, byte> made)
    {
        // Other chunks of this call run at the same time: their requests are not this chunk's.
        var attempt = await reconciler.SendAsync(chunk, async () =>
        {
            var sent = TimeProvider.System.GetUtcNow();
#pragma warning disable CS0618 // the notification group is still sent when a caller sets it
            var created = (await _route.CreateBatchAsync(chunk, timeoutSeconds, options.Priority, options.NotificationGroup, CancellationToken.None).ConfigureAwait(false)).ToArray();
#pragma warning restore CS0618
            if (created.Length != chunk.Count)
            {
                throw new InvalidOperationException(
                    $"The API created {created.Length} requests for a batch of {chunk.Count} inputs, so they cannot be matched to the inputs.");
            }

            Client.Server.Clock.Observe(sent, TimeProvider.System.GetUtcNow(), created.Select(c => c.TimeCreated));
            return created;
        }, made.ContainsKey, CancellationToken.None).ConfigureAwait(false);

        switch (attempt)
        {
            case { Answer: { } answer }:
                Remember(made, answer.Select(c => c.Id));
                return new ChunkCreated(answer, null);
            case { Found: Reconciliation.Created created }:
                Remember(made, created.Requests.Select(r => r.Id));
                return new ChunkCreated(created.Requests.Select(CreatedFrom).ToArray(), null);
            case { Found: Reconciliation.Undecided undecided }:
                Remember(made, undecided.Adopted.OfType<DeploymentRequestBatchDetail>().Select(r => r.Id));
                return await SettleAsync(chunk, undecided.Adopted.Select(r => r is null ? null : CreatedFrom(r)).ToArray(), undecided.Candidates,
                    timeoutSeconds, options, reconciler, made).ConfigureAwait(false);
            default:
                // The server cannot even be read: only it knows whether the batch was made.
                return new ChunkCreated(null, chunk.Select(_ => (IReadOnlyList<string>)[]).ToArray());
        }
    }

    /// <summary>
    /// The inputs whose request a look-up could not tell, by <see cref="BatchCreateOptions.OnAmbiguous"/>:
    /// left ambiguous; adopted (each takes a candidate no other input of this call has, read back
    /// with one collect); or sent again.
    /// </summary>
    private async Task<ChunkCreated> SettleAsync(IReadOnlyList<RequestInput> chunk, DeploymentRequestBatchCreateResponse?[] created,
        IReadOnlyList<IReadOnlyList<string>> candidates, int? timeoutSeconds, BatchCreateOptions options,
        CreateReconciler reconciler, System.Collections.Concurrent.ConcurrentDictionary<string, byte> made)
    {
        var open = Enumerable.Range(0, chunk.Count).Where(i => created[i] is null).ToArray();
        var ambiguous = candidates.ToArray();
        if (options.OnAmbiguous == AmbiguousInputPolicy.Adopt)
        {
            var taken = open.Select(i => (Position: i, Id: candidates[i].FirstOrDefault(id => made.TryAdd(id, 0)))).Where(t => t.Id is not null).ToArray();
            if (taken.Length > 0)
            {
                var details = (await _route.CollectAsync(taken.Select(t => t.Id!).ToArray(), CancellationToken.None).ConfigureAwait(false))
                    .ToDictionary(d => d.Id, StringComparer.Ordinal);
                foreach (var (position, id) in taken)
                {
                    created[position] = CreatedFrom(details[id!]);
                    ambiguous[position] = [];
                }
            }
        }
        else if (options.OnAmbiguous == AmbiguousInputPolicy.Resend && open.Length > 0)
        {
            var again = await CreateChunkAsync(open.Select(i => chunk[i]).ToArray(), timeoutSeconds, options, reconciler, made).ConfigureAwait(false);
            for (var j = 0; j < open.Length; j++)
            {
                created[open[j]] = again.Created?[j];
                ambiguous[open[j]] = again.Ambiguous?[j] ?? [];
            }
        }

        return new ChunkCreated(created, ambiguous);
    }

    private static DeploymentRequestBatchCreateResponse CreatedFrom(DeploymentRequestBatchDetail r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, TimeCreated = r.TimeCreated,
    };

    private static void Remember(System.Collections.Concurrent.ConcurrentDictionary<string, byte> made, IEnumerable<string> ids)
    {
        foreach (var id in ids)
        {
            made.TryAdd(id, 0);
        }
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

    private async Task<BatchDeleteResult> DeleteCoreAsync(string[] ids, CancellationToken ct)
    {
        var unique = ids.Distinct(StringComparer.Ordinal).ToArray();
        var chunks = ChunkRunner.Split(unique);
        var results = await ChunkRunner.RunAsync(chunks, BatchCreateOptions.DefaultMaxConcurrency,
            (chunk, token) => DeleteKnownAsync(chunk.ToArray(), token), ct).ConfigureAwait(false);

        if (results.Failure is not { } failure)
        {
            var notFound = Enumerable.Range(0, chunks.Count).SelectMany(c => results[c]).ToHashSet(StringComparer.Ordinal);
            return new BatchDeleteResult(unique.Where(id => !notFound.Contains(id)).ToArray(), unique.Where(notFound.Contains).ToArray());
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

    /// <summary>Deletes the ids, halving a set the server answers 404 for; returns the ids it does not know.</summary>
    private async Task<IReadOnlyList<string>> DeleteKnownAsync(string[] ids, CancellationToken ct)
    {
        try
        {
            await _route.DeleteBatchAsync(ids, ct).ConfigureAwait(false);
            return [];
        }
        catch (UbiOpsApiException e) when (e.StatusCode == 404)
        {
            if (ids.Length == 1)
            {
                return ids;
            }

            var half = ids.Length / 2;
            var first = await DeleteKnownAsync(ids[..half], ct).ConfigureAwait(false);
            var second = await DeleteKnownAsync(ids[half..], ct).ConfigureAwait(false);
            return [.. first, .. second];
        }
    }
}
