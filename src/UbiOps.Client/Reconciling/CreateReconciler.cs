namespace UbiOps.Client;

/// <summary>
/// Finds out, from the API's own records, whether a create whose answer was lost made its
/// requests, on either generation of the API without knowing which: lists every request created in
/// the call's time window, whatever its status (<see cref="WindowLister"/>), reads the inputs of
/// those not known to be someone else's whose size fits (<see cref="CandidateInputs"/>), and looks
/// for the call's inputs among them, by value and in number.
/// </summary>
/// <remarks>
/// Stored requests can take a moment to become visible, so it waits
/// <see cref="ReconcileSettings.VisibilityDelay"/> first, and looks twice before concluding that
/// nothing was made. A request that the server stores later than that (a call it was still
/// holding when the client gave up) cannot be seen by anyone; that is the limit of what an API
/// without idempotency keys can tell. A request in the window whose input cannot be read (no
/// <c>request_data</c> and no input file) could be the call's: the answer is then undecided, never
/// "not created". Each look costs a list call per status (six, one or two pages each), a collect
/// per 250 requests to read, and an input file read per request whose <c>request_data</c> is not sent.
/// </remarks>
internal sealed class CreateReconciler(RequestRoute route, ServerFacts server, ReconcileSettings settings)
{
    /// <summary>How often a create that provably made nothing is sent again before its failure stands.</summary>
    public const int MaxResends = 3;

    private readonly WindowLister _window = new(route, Counted);
    private readonly CandidateInputs _inputs = new(route, server.Sizes, Counted);

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

            // The window by what the clock knows now: other calls answered meanwhile narrow it (a
            // run's first calls are lost before any answer taught it the server's clock, and a
            // window reaching minutes ahead keeps growing while the run goes on, too long to read).
            var (from, to) = server.Clock.Window(sent, givenUp);
            if (notBefore > from)
            {
                from = notBefore.Value;
            }

            var until = to + (settings.Time.GetUtcNow() - givenUp);
            var (window, complete) = await _window.ListAsync(from, until, cancellationToken).ConfigureAwait(false);
            var candidates = await _inputs.ReadAsync(window.Where(r => !isKnown(r.Id)).ToList(), inputs, cancellationToken).ConfigureAwait(false);
            var found = candidates.Where(c => c.Input is { } input && wanted.ContainsKey(input)).ToList();
            var unreadable = candidates.Where(c => c.Input is null).Select(c => c.Detail.Id).ToList();
            // A window not read whole decides nothing but "undecided": worth a second look.
            if (Decide(inputs.Count, wanted, found, unreadable, complete) is { } decided && (complete || look == 1))
            {
                UbiOpsMetrics.RecordReconciliation(decided is Reconciliation.Created
                    ? UbiOpsDiagnostics.Reconciled.Created
                    : UbiOpsDiagnostics.Reconciled.Undecided);
                return decided;
            }

            // Nothing of the call (yet), or a window too long to read whole (the server's clock
            // was unknown; the answers since have taught it): look once more, then conclude.
        }

        UbiOpsMetrics.RecordReconciliation(UbiOpsDiagnostics.Reconciled.NotCreated);
        return new Reconciliation.NotCreated();
    }

    /// <summary>
    /// What the window says, leaning on what a batch create is: validated and stored whole, or not
    /// at all. Returns <see langword="null"/> when the call provably made nothing (so far): some
    /// input is held by fewer requests than the call sent it.
    /// </summary>
    /// <remarks>
    /// When every input is held, an input held exactly as often as the call sent it decides: no other
    /// request in the window can be its (another producer's request with the same input would be one
    /// more), so the call was made, and the requests holding such inputs are the call's. They were
    /// created in one instant (one transaction); each other input's request is the one holding it
    /// within that instant, when exactly as many do as the call sent it; an input held there by more
    /// (another producer's batch stored in the same instant) stays undecided, with its holders as
    /// candidates. Nothing is adopted that is not there. Undecided throughout are calls whose every
    /// input is held by more requests than the call sent it (another producer sent them all too),
    /// a window that could not be read whole, and a window with requests whose input cannot be
    /// read. One case cannot be told at all: the call made nothing while another producer's
    /// requests hold every one of its inputs, exactly as often; it is taken for the call's.
    /// </remarks>
    private static Reconciliation? Decide(int count, Dictionary<string, List<int>> wanted, List<Candidate> found, List<string> unreadable, bool complete)
    {
        // Oldest first: requests made by one call for equal inputs are taken in the call's order.
        var holders = found.OrderBy(c => c.Detail.TimeCreated).ToLookup(c => c.Input!, c => c.Detail, StringComparer.Ordinal);
        var adopted = new DeploymentRequestBatchDetail?[count];
        if (complete && unreadable.Count == 0)
        {
            if (wanted.Any(w => holders[w.Key].Count() < w.Value.Count))
            {
                return null;
            }

            var decisive = wanted.Where(w => holders[w.Key].Count() == w.Value.Count).SelectMany(w => holders[w.Key]).ToList();
            if (decisive.Count > 0)
            {
                var (first, last) = (decisive.Min(r => r.TimeCreated), decisive.Max(r => r.TimeCreated));
                foreach (var (key, positions) in wanted)
                {
                    var made = holders[key].Where(r => r.TimeCreated >= first && r.TimeCreated <= last).ToArray();
                    if (made.Length == positions.Count)
                    {
                        for (var i = 0; i < positions.Count; i++)
                        {
                            adopted[positions[i]] = made[i];
                        }
                    }
                }

                if (adopted.All(r => r is not null))
                {
                    return new Reconciliation.Created(adopted!);
                }
            }
        }

        // Requests whose input cannot be read may be any input's: each undecided input names them too.
        var candidates = new IReadOnlyList<string>[count];
        foreach (var (key, positions) in wanted)
        {
            var ids = holders[key].Select(h => h.Id).Concat(unreadable).ToArray();
            foreach (var position in positions)
            {
                candidates[position] = adopted[position] is null ? ids : [];
            }
        }

        return new Reconciliation.Undecided(adopted, candidates);
    }

    private static void Counted() => UbiOpsMetrics.ReconciliationCalls.Add(1);
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
