namespace UbiOps.Client;

/// <summary>
/// Times the polls of a run from what it has seen, so most collect calls come back full:
/// <list type="bullet">
/// <item>a server with a queue finishes our requests in order at the rate their own start and
/// completion times show: a set is due when the server should have worked through it;</item>
/// <item>a server that keeps up (requests start about when they are created) finishes each request
/// a latency after it was accepted: a set is due that latency after its newest request was
/// accepted.</item>
/// </list>
/// Before anything has finished, the pause doubles from the first poll delay.
/// </summary>
internal sealed class PollPlanner(TimeSpan firstPollDelay, TimeSpan maxPollInterval, TimeProvider time)
{
    // How much of a set should be done when it is polled: a little short of all, so the answer
    // still shows where the server is (its unfinished requests) without a poll that finds little.
    private const double Target = 0.95;

    // With few calls left in the rate-limit window, every poll should come back full.
    private const double ScarceTarget = 1.1;

    private static readonly TimeSpan MinPause = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxPlannedPause = TimeSpan.FromDays(1);
    private const int RateSamples = 500;

    private readonly Queue<(DateTimeOffset Started, DateTimeOffset Completed)> _samples = new();
    private double? _rate;            // requests the server finishes per second
    private TimeSpan? _latency;       // creation to completion, while the server keeps up; null when it queues
    private long? _anchor;            // when the server's position was last learnt (client clock)
    private bool _frontSeen;          // whether that poll still showed unfinished requests
    private long _lastPoll;           // when the last poll was sent
    private int _probes;              // polls that found nothing finished, before any rate was known
    private double _expected;         // how many of the set the last poll sent should find finished
    private int _misses;              // polls in a row that found far fewer finished than expected

    /// <summary>Requests became pollable while none were: the server starts on them now.</summary>
    public void WorkArrived()
    {
        _anchor = time.GetTimestamp();
        _frontSeen = true;
    }

    /// <summary>
    /// When to poll the next <paramref name="setSize"/> requests, <paramref name="ahead"/> older ones
    /// being polled already, the newest of them accepted at <paramref name="newestAccepted"/> (a
    /// timestamp). Returns a timestamp of <see cref="TimeProvider"/>.
    /// </summary>
    public long DueAt(int setSize, long ahead, bool scarce, bool lastSet, long newestAccepted)
    {
        var anchor = _anchor ?? time.GetTimestamp();
        TimeSpan pause;
        if (_rate is not { } rate)
        {
            pause = TimeSpan.FromSeconds(Math.Min(firstPollDelay.TotalSeconds * Math.Pow(2, Math.Min(_probes, 40)), maxPollInterval.TotalSeconds));
            return Add(Math.Max(anchor, _lastPoll), pause);
        }

        var fraction = scarce ? ScarceTarget : lastSet ? 1.0 : Target;
        // Without the front in sight (the last poll found all finished), look half a set ahead
        // to find it again, unless the window has no calls to spare.
        var work = !_frontSeen && !scarce ? ahead + setSize * 0.5 : ahead + setSize * fraction;
        // Not capped here: a set behind others waits for its turn; the longest pause between polls is
        // kept by `latest` below (from the last poll, whichever set it was for).
        pause = TimeSpan.FromSeconds(Math.Min(work / rate, MaxPlannedPause.TotalSeconds));
        // Polls that keep finding far less than the rate promised (a request much slower than the
        // others, say) back off exponentially rather than ask again and again.
        var backoff = MinPause * Math.Pow(2, Math.Min(_misses, 20));
        var due = AddUncapped(anchor, pause > backoff ? pause : backoff);
        if (_latency is { } latency && _misses == 0)
        {
            // Keeping up: the set is done a latency after its newest request was accepted.
            var margin = scarce ? 2.0 : 1.2;
            due = Math.Min(due, Add(newestAccepted, latency * margin + MinPause));
        }
        var latest = Add(Math.Max(anchor, _lastPoll), maxPollInterval);
        var earliest = Add(_lastPoll, MinPause);
        return Math.Max(Math.Min(due, latest), earliest);
    }

    /// <summary>A poll of <paramref name="setSize"/> requests is being sent now.</summary>
    public void Sending(int setSize)
    {
        _lastPoll = time.GetTimestamp();
        _expected = _rate is { } rate && _anchor is { } anchor
            ? Math.Min(setSize, rate * time.GetElapsedTime(anchor, _lastPoll).TotalSeconds)
            : 0;
    }

    /// <summary>
    /// A poll answered: learns the rate from the finished requests and the server's position;
    /// <paramref name="stillPending"/> of the unfinished had not even started (a queue).
    /// </summary>
    public void Answered(IReadOnlyList<DeploymentRequestBatchDetail> finished, int stillUnfinished, int stillPending)
    {
        _anchor = time.GetTimestamp();
        _frontSeen = stillUnfinished > 0;
        _misses = _expected >= 1 && finished.Count < _expected / 2 ? _misses + 1 : 0;
        // In completion order, so the window of samples is always the latest completions (an answer
        // lists them in any order; dropping an early one kept a late one would stretch the span).
        foreach (var detail in finished.OrderBy(d => d.TimeCompleted))
        {
            if (detail.TimeStarted is { } started && detail.TimeCompleted is { } completed && completed >= started)
            {
                _samples.Enqueue((started, completed));
                if (_samples.Count > RateSamples)
                {
                    _samples.Dequeue();
                }
            }
        }

        if (_samples.Count == 0)
        {
            _probes++;
            return;
        }

        // Finished per second of server time: with P workers of d seconds each this is P/d, with
        // idle gaps (the server waiting for work) the rate it actually reached.
        var span = _samples.Max(s => s.Completed) - _samples.Min(s => s.Started);
        _rate = _samples.Count / Math.Max(span.TotalSeconds, 0.001);

        // A server keeps up when requests wait no longer than they run: then each finishes about a
        // latency (creation to completion) after it was made. One that queues is timed by its rate.
        var timed = finished.Where(d => d.TimeStarted is not null && d.TimeCompleted is not null).ToArray();
        if (timed.Length > 0)
        {
            var waited = Median(timed.Select(d => (d.TimeStarted!.Value - d.TimeCreated).TotalSeconds));
            var ran = Median(timed.Select(d => (d.TimeCompleted!.Value - d.TimeStarted!.Value).TotalSeconds));
            _latency = stillPending == 0 && waited <= Math.Max(ran, 0.005)
                ? TimeSpan.FromSeconds(Math.Max(0, Median(timed.Select(d => (d.TimeCompleted!.Value - d.TimeCreated).TotalSeconds))))
                : null;
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private long Add(long timestamp, TimeSpan pause) =>
        timestamp + (long)(Math.Min(pause.TotalSeconds, maxPollInterval.TotalSeconds) * time.TimestampFrequency);

    private long AddUncapped(long timestamp, TimeSpan pause) => timestamp + (long)(pause.TotalSeconds * time.TimestampFrequency);
}
