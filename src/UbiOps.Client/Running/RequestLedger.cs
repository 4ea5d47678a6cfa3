using System.Threading.Channels;

namespace UbiOps.Client;

/// <summary>
/// Every input of one run from the moment it is read until its outcome is handed out: which are
/// still to be submitted, which requests are unfinished (and which of those are being polled), and
/// the outcomes, released in input order (a run) or as they finish (a wait). Thread-safe.
/// </summary>
internal sealed class RequestLedger(bool inOrder, long? total, ChannelWriter<RequestOutcome> output, TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Queue<long> _order = new();                       // every index not yet released, in input order
    private readonly Dictionary<long, RequestOutcome?> _pending = [];  // index -> outcome (null until there is one)
    private readonly SortedSet<long> _unfinished = [];                 // pollable: submitted, not finished, not being polled
    private readonly Dictionary<string, long> _indexOfId = new(StringComparer.Ordinal);
    private readonly Dictionary<long, string> _idOfIndex = [];
    private readonly Dictionary<long, long> _acceptedAt = [];              // index -> when the server accepted it (timestamp)
    private readonly Queue<string> _recent = new();                        // the newest accepted ids, finished or not
    private readonly HashSet<string> _recentSet = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = NewSignal();
    // How inputs settled after an undecided look-up were settled, until their outcome carries it.
    private readonly Dictionary<long, AmbiguityResolution> _resolutions = [];
    private long _unsent, _polling, _submitted, _completed, _failed, _cancelled, _rejected, _ambiguous;
    private long? _stopAt;

    /// <summary>Completes when anything changes that could make a poll due.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Inputs read but neither submitted nor rejected yet.</summary>
    public long Unsent
    {
        get
        {
            lock (_gate)
            {
                return _unsent;
            }
        }
    }

    /// <summary>Requests that are unfinished, being polled or not.</summary>
    public long Unfinished
    {
        get
        {
            lock (_gate)
            {
                return _unfinished.Count + _polling;
            }
        }
    }

    /// <summary>Pollable requests: submitted, unfinished, not being polled now.</summary>
    public int Pollable
    {
        get
        {
            lock (_gate)
            {
                return _unfinished.Count;
            }
        }
    }

    /// <summary>The run's counts, for progress reports.</summary>
    public RunProgress Progress(DateTimeOffset? rateLimitedUntil)
    {
        lock (_gate)
        {
            return new RunProgress(total, _submitted, _completed, _failed, _cancelled, _rejected, rateLimitedUntil) { Ambiguous = _ambiguous };
        }
    }

    /// <summary>The ids of the unfinished requests, in input order (for a timeout's report).</summary>
    public IReadOnlyList<string> UnfinishedIds()
    {
        lock (_gate)
        {
            return _idOfIndex.OrderBy(p => p.Key).Select(p => p.Value).ToArray();
        }
    }

    /// <summary>An input was read; its outcome comes later. Indices arrive in increasing order.</summary>
    public void Register(long index)
    {
        lock (_gate)
        {
            if (inOrder)
            {
                _order.Enqueue(index);
            }

            _pending[index] = null;
            _unsent++;
        }
    }

    /// <summary>The server made these requests (now, or in an earlier run); they can be polled.</summary>
    /// <param name="requests">The inputs and their requests.</param>
    /// <param name="fromEarlierRun">Whether an earlier run made them (they are not counted as submitted).</param>
    /// <param name="resolution">How they were settled when the look-up of their lost answer could not tell.</param>
    public void Accept(IReadOnlyList<SubmittedRequest> requests, bool fromEarlierRun = false, AmbiguityResolution resolution = AmbiguityResolution.None)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            foreach (var request in requests)
            {
                if (resolution != AmbiguityResolution.None)
                {
                    _resolutions[request.Index] = resolution;
                }

                _unsent--;
                _submitted++;
                _indexOfId[request.RequestId] = request.Index;
                _idOfIndex[request.Index] = request.RequestId;
                _acceptedAt[request.Index] = now;
                _unfinished.Add(request.Index);
                Remember(request.RequestId);
            }

            if (!fromEarlierRun)
            {
                UbiOpsMetrics.InputsSubmitted.Add(requests.Count);
            }

            Signal();
        }
    }

    /// <summary>The input could not be submitted: the API refused it (or it could not be read).</summary>
    public void Reject(long index, string reason)
    {
        lock (_gate)
        {
            _unsent--;
            _rejected++;
            UbiOpsMetrics.InputsRejected.Add(1);
            Resolve(index, new RequestOutcome(index, OutcomeKind.Rejected, requestId: null, reason));
        }
    }

    /// <summary>
    /// The input's batch call lost its answer and the server's records could not tell whether its
    /// request was made: the outcome names the candidates.
    /// </summary>
    public void Ambiguous(long index, IReadOnlyList<string> candidates)
    {
        lock (_gate)
        {
            _unsent--;
            _ambiguous++;
            Resolve(index, new RequestOutcome(index, candidates));
            Signal();
        }
    }

    /// <summary>
    /// Whether the request belongs to another input of this run: in flight, or among the newest
    /// accepted (those a lost answer's time window can overlap, since creates go one at a time).
    /// </summary>
    public bool Knows(string requestId)
    {
        lock (_gate)
        {
            return _indexOfId.ContainsKey(requestId) || _recentSet.Contains(requestId);
        }
    }

    /// <summary>An input that was never sent (submitting stopped): it will have no outcome.</summary>
    public void Abandon(long index)
    {
        lock (_gate)
        {
            _unsent--;
            Signal();
        }
    }

    /// <summary>When the newest of the next <paramref name="max"/> pollable requests was accepted (a timestamp).</summary>
    public long NewestAcceptedOfNext(int max)
    {
        lock (_gate)
        {
            return _unfinished.Take(max).Select(i => _acceptedAt[i]).DefaultIfEmpty(time.GetTimestamp()).Max();
        }
    }

    /// <summary>
    /// Takes the oldest pollable requests (at most <paramref name="max"/>) for one collect call;
    /// they are not offered again until <see cref="Polled"/> returns them.
    /// </summary>
    public IReadOnlyList<string> TakeForPoll(int max)
    {
        lock (_gate)
        {
            var taken = _unfinished.Take(max).ToArray();
            foreach (var index in taken)
            {
                _unfinished.Remove(index);
            }

            _polling += taken.Length;
            return taken.Select(i => _idOfIndex[i]).ToArray();
        }
    }

    /// <summary>
    /// A collect call answered: finished requests get their outcome, the others are pollable again.
    /// Returns how many of the polled ids had finished.
    /// </summary>
    public int Polled(IReadOnlyList<string> polledIds, IEnumerable<DeploymentRequestBatchDetail> details)
    {
        lock (_gate)
        {
            var finished = new List<(long Index, DeploymentRequestBatchDetail Detail)>();
            var answered = new HashSet<string>(StringComparer.Ordinal);
            foreach (var detail in details)
            {
                if (detail?.Id is { } id && answered.Add(id) && _indexOfId.TryGetValue(id, out var index) && detail.Status.IsTerminal)
                {
                    finished.Add((index, detail));
                    Count(detail.Status);
                    Forget(id, index);
                }
            }

            // Those finishing in one poll come out in input order (the API answers in any order).
            foreach (var (index, detail) in finished.OrderBy(f => f.Index))
            {
                Resolve(index, new RequestOutcome(index, detail) { Resolution = _resolutions.Remove(index, out var resolution) ? resolution : AmbiguityResolution.None });
            }

            // Unfinished ones, and any the answer left out, are polled again later.
            foreach (var id in polledIds)
            {
                if (_indexOfId.TryGetValue(id, out var index) && !_unfinished.Contains(index) && _pending.TryGetValue(index, out var outcome) && outcome is null)
                {
                    _unfinished.Add(index);
                }
            }

            _polling -= polledIds.Count;
            Signal();
            return finished.Count;
        }
    }

    /// <summary>The server no longer knows these requests (a collect of each alone answered 404).</summary>
    public void Missing(IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            foreach (var id in ids)
            {
                if (_indexOfId.TryGetValue(id, out var index))
                {
                    _polling--;
                    Forget(id, index);
                    Resolve(index, new RequestOutcome(index, OutcomeKind.Missing, id, $"The server no longer knows request {id} (it was deleted): its result is lost."));
                }
            }

            Signal();
        }
    }

    /// <summary>
    /// Submitting stopped at <paramref name="index"/> (a failed batch call): in a run, no outcome at
    /// or after it is released, since those inputs have none in order.
    /// </summary>
    public void StopAt(long index)
    {
        lock (_gate)
        {
            _stopAt = _stopAt is { } earlier ? Math.Min(earlier, index) : index;
        }
    }

    // Enough batches to span any window a lost answer is looked for in, without growing with the run.
    private const int RecentCapacity = RunJournal.NeighborSpan;

    private void Remember(string id)
    {
        if (_recentSet.Add(id))
        {
            _recent.Enqueue(id);
            if (_recent.Count > RecentCapacity)
            {
                _recentSet.Remove(_recent.Dequeue());
            }
        }
    }

    private void Count(RequestStatus status)
    {
        UbiOpsMetrics.RecordFinished(status);
        if (status == RequestStatus.Completed) _completed++;
        else if (status == RequestStatus.Failed) _failed++;
        else _cancelled++;
    }

    private void Forget(string id, long index)
    {
        _indexOfId.Remove(id);
        _idOfIndex.Remove(index);
        _acceptedAt.Remove(index);
    }

    private void Resolve(long index, RequestOutcome outcome)
    {
        if (!inOrder)
        {
            _pending.Remove(index);
            output.TryWrite(outcome);
            return;
        }

        _pending[index] = outcome;
        while (_order.TryPeek(out var next) && (_stopAt is not { } stop || next < stop) &&
               _pending.TryGetValue(next, out var ready) && ready is not null)
        {
            _order.Dequeue();
            _pending.Remove(next);
            output.TryWrite(ready);
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
