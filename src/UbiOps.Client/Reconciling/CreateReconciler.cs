namespace UbiOps.Client;

/// <summary>
/// Finds out, from the API's own records, whether a create whose answer was lost made its
/// requests: lists the requests created in the call's time window (oldest first), collects those
/// not known to be someone else's, and looks for the call's inputs in their <c>request_data</c>,
/// by value and in number.
/// </summary>
/// <remarks>
/// Costs one list call per 250 requests in the window plus one (the empty page that ends it), and
/// one collect call per 250 candidates (requests not known to be another call's). With a single
/// producer the window holds the call's own batch and the one sent just before it: three lists and
/// a collect when the call made its requests, two lists per look (four) when it made nothing. Stored requests can take a moment to become visible, so it waits
/// <see cref="ReconcileSettings.VisibilityDelay"/> first, and looks twice before concluding that
/// nothing was made. A request that the server stores later than that (a call it was still
/// holding when the client gave up) cannot be seen by anyone; that is the limit of what an API
/// without idempotency keys can tell. A request in the window whose input the server did not keep
/// (<c>request_data</c> null) could be the call's: the answer is then undecided, never "not created".
/// </remarks>
internal sealed class CreateReconciler(RequestRoute route, ServerClock clock, ReconcileSettings settings)
{
    /// <summary>How often a create that provably made nothing is sent again before its failure stands.</summary>
    public const int MaxResends = 3;

    private const int PageSize = RequestLimits.MaxItemsPerCall;

    // A window with more requests than this is not searched further: the answer is undecided.
    private const int MaxPages = 40;

    /// <summary>
    /// Sends a create; when its answer is lost, looks it up and sends it again only while the
    /// records prove it made nothing (at most <see cref="MaxResends"/> times, then the failure stands).
    /// </summary>
    /// <returns>The answer; or the lost answer's failure with what the records found (made, or undecided), or with the look-up's own failure.</returns>
    public async Task<CreateAttempt<T>> SendAsync<T>(IReadOnlyList<RequestInput> inputs, Func<Task<T>> send, Func<string, bool> isKnown, CancellationToken cancellationToken)
        where T : class
    {
        for (var resends = 0; ; resends++)
        {
            var sent = settings.Time.GetUtcNow();
            try
            {
                return new CreateAttempt<T>(await send().ConfigureAwait(false), null, null, null);
            }
            catch (Exception lost) when (resends < MaxResends && LostAnswer.Is(lost, cancellationToken))
            {
                Reconciliation found;
                try
                {
                    found = await ReconcileAsync(inputs, sent, settings.Time.GetUtcNow(), isKnown, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception lookup) when (!cancellationToken.IsCancellationRequested)
                {
                    return new CreateAttempt<T>(null, null, lost, lookup);
                }

                if (found is not Reconciliation.NotCreated)
                {
                    return new CreateAttempt<T>(null, found, lost, null);
                }

                // Provably not made: send it again.
            }
        }
    }

    /// <summary>
    /// Whether the call that sent <paramref name="inputs"/> at <paramref name="sent"/> and gave up at
    /// <paramref name="givenUp"/> made requests. <paramref name="isKnown"/> names requests known to
    /// belong to other calls (of this run), which are never taken for this call's.
    /// <paramref name="notBefore"/>, when known, is a server time before which the call cannot
    /// have made anything: the creation time of a request made by a call that was answered
    /// before this one was sent.
    /// </summary>
    public async Task<Reconciliation> ReconcileAsync(IReadOnlyList<RequestInput> inputs, DateTimeOffset sent, DateTimeOffset givenUp,
        Func<string, bool> isKnown, CancellationToken cancellationToken, DateTimeOffset? notBefore = null)
    {
        var (from, to) = clock.Window(sent, givenUp);
        if (notBefore > from)
        {
            from = notBefore.Value;
        }

        var wanted = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = CanonicalJson.Of(inputs[i]);
            if (!wanted.TryGetValue(key, out var positions))
            {
                wanted[key] = positions = [];
            }

            positions.Add(i);
        }

        for (var look = 0; look < 2; look++)
        {
            await Task.Delay(settings.VisibilityDelay, settings.Time, cancellationToken).ConfigureAwait(false);
            var (found, unreadable, complete) = await FindAsync(wanted, from, to + (settings.Time.GetUtcNow() - givenUp), isKnown, cancellationToken).ConfigureAwait(false);
            if (found.Count == 0 && unreadable.Count == 0 && complete)
            {
                continue; // nothing yet: look once more after the lag, then conclude
            }

            return Decide(inputs.Count, wanted, found, unreadable, complete);
        }

        UbiOpsMetrics.RecordReconciliation(UbiOpsMetrics.Reconciled.NotCreated);
        return new Reconciliation.NotCreated();
    }

    /// <summary>
    /// The requests in the window that hold one of the inputs, by input, oldest first; and those
    /// whose input the server did not keep (a deployment that stores metadata only), which could
    /// be this call's.
    /// </summary>
    private async Task<(Dictionary<string, List<DeploymentRequestBatchDetail>> Found, List<string> Unreadable, bool Complete)> FindAsync(
        Dictionary<string, List<int>> wanted, DateTimeOffset from, DateTimeOffset to, Func<string, bool> isKnown, CancellationToken ct)
    {
        var candidates = new List<string>();
        var complete = false;
        var offset = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            var listed = await CountedAsync(route.ListAsync(new RequestFilter
            {
                StartDate = from,
                EndDate = to,
#pragma warning disable CS0618 // rewritten for both generations' list rules
                Sort = SortDirection.Asc,
#pragma warning restore CS0618
                Limit = PageSize,
                Offset = offset,
            }, ct)).ConfigureAwait(false);
            // Only an empty page ends the window: a server that caps the page size below the one
            // asked for must not make a short page look like the last one (and a request be missed).
            if (listed.Count == 0)
            {
                complete = true;
                break;
            }

            offset += listed.Count;
            candidates.AddRange(listed.Select(r => r.Id).Where(id => !isKnown(id)));
        }

        var found = new Dictionary<string, List<DeploymentRequestBatchDetail>>(StringComparer.Ordinal);
        var unreadable = new List<string>();
        foreach (var chunk in candidates.Distinct(StringComparer.Ordinal).Chunk(RequestLimits.MaxItemsPerCall))
        {
            var details = await CountedAsync(route.CollectAsync(chunk, ct)).ConfigureAwait(false);
            foreach (var detail in details.OrderBy(d => d.TimeCreated).ThenBy(d => Array.IndexOf(chunk, d.Id)))
            {
                if (detail.RequestData is null)
                {
                    unreadable.Add(detail.Id);
                    continue;
                }

                var key = CanonicalJson.Of(detail.RequestData.AsJson());
                if (wanted.ContainsKey(key))
                {
                    if (!found.TryGetValue(key, out var holders))
                    {
                        found[key] = holders = [];
                    }

                    holders.Add(detail);
                }
            }
        }

        return (found, unreadable, complete);
    }

    private static Reconciliation Decide(int count, Dictionary<string, List<int>> wanted, Dictionary<string, List<DeploymentRequestBatchDetail>> found,
        List<string> unreadable, bool complete)
    {
        // A batch is made whole or not at all: the call made its requests when every input is held
        // by exactly as many requests as the call sent it, and the whole window was seen.
        if (complete && wanted.All(w => found.TryGetValue(w.Key, out var holders) && holders.Count == w.Value.Count))
        {
            var requests = new DeploymentRequestBatchDetail[count];
            foreach (var (key, positions) in wanted)
            {
                for (var i = 0; i < positions.Count; i++)
                {
                    requests[positions[i]] = found[key][i];
                }
            }

            UbiOpsMetrics.RecordReconciliation(UbiOpsMetrics.Reconciled.Created);
            return new Reconciliation.Created(requests);
        }

        // Requests whose input cannot be read may be any input's: each input names them too.
        var candidates = new IReadOnlyList<string>[count];
        foreach (var (key, positions) in wanted)
        {
            var ids = (found.TryGetValue(key, out var holders) ? holders.Select(h => h.Id) : []).Concat(unreadable).ToArray();
            foreach (var position in positions)
            {
                candidates[position] = ids;
            }
        }

        UbiOpsMetrics.RecordReconciliation(UbiOpsMetrics.Reconciled.Undecided);
        return new Reconciliation.Undecided(candidates);
    }

    private async Task<T> CountedAsync<T>(Task<T> call)
    {
        UbiOpsMetrics.ReconciliationCalls.Add(1);
        return await call.ConfigureAwait(false);
    }
}

/// <summary>
/// What <see cref="CreateReconciler.SendAsync"/> came to: the <paramref name="Answer"/>; or the
/// <paramref name="Lost"/> answer's failure with what the records <paramref name="Found"/> (made, or
/// undecided), or with the <paramref name="LookupFailure"/> (the server cannot even be read: only it knows).
/// </summary>
internal readonly record struct CreateAttempt<T>(T? Answer, Reconciliation? Found, Exception? Lost, Exception? LookupFailure)
    where T : class;

/// <summary>How reconciliation waits, and on which clock.</summary>
internal sealed record ReconcileSettings(TimeSpan VisibilityDelay, TimeProvider Time);
