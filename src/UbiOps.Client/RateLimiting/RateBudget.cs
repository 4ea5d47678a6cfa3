namespace UbiOps.Client;

/// <summary>Which calls go first when the rate-limit window has no calls left.</summary>
internal enum CallPriority
{
    /// <summary>Reads, polls, cancels and deletes.</summary>
    Normal,

    /// <summary>Creates: while there is work to submit, submitting it comes first.</summary>
    Create,
}

/// <summary>
/// The calls left in the server's rate-limit window, shared by every call of one client (the
/// limit counts per source address, not per run): learnt from the <c>x-ratelimit-*</c> headers of
/// each answer, spent as calls are sent. When the window is used up, callers wait for its reset
/// instead of drawing 429s, creates before other calls. Without those headers nothing waits.
/// </summary>
internal sealed class RateBudget(TimeProvider time)
{
    private readonly object _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private int? _limit;
    private int _remaining;
    private DateTimeOffset _resetAt;
    private int _inFlight;
    private int _waitingCreates;
    private DateTimeOffset? _waitingUntil;

    /// <summary>The clock the window is measured with.</summary>
    public TimeProvider Time => time;

    /// <summary>When a caller is waiting for the window to reset, the time it resets; else <see langword="null"/>.</summary>
    public DateTimeOffset? WaitingUntil
    {
        get
        {
            lock (_gate)
            {
                return _waitingUntil;
            }
        }
    }

    /// <summary>
    /// Calls that may be sent now without a 429, and when the window resets; <see langword="null"/>
    /// while no answer has told the limit.
    /// </summary>
    public (int Available, DateTimeOffset ResetAt)? Snapshot()
    {
        lock (_gate)
        {
            return _limit is null ? null : (AvailableLocked(time.GetUtcNow()), _resetAt);
        }
    }

    /// <summary>
    /// Waits until a call may be sent and takes it from the window; dispose the lease when the
    /// answer (or failure) is in.
    /// </summary>
    public async ValueTask<Lease> AcquireAsync(CallPriority priority, CancellationToken cancellationToken)
    {
        var counted = false;
        var waitStarted = 0L;
        try
        {
            while (true)
            {
                Task changed;
                TimeSpan untilReset;
                lock (_gate)
                {
                    var now = time.GetUtcNow();
                    var mayGo = priority == CallPriority.Create || _waitingCreates == 0;
                    if (_limit is null || (mayGo && AvailableLocked(now) > 0))
                    {
                        _inFlight++;
                        if (counted)
                        {
                            _waitingCreates--;
                        }

                        if (_waitingCreates == 0 && AvailableLocked(now) > 0)
                        {
                            _waitingUntil = null;
                        }

                        if (waitStarted != 0)
                        {
                            UbiOpsMetrics.RecordRateLimitWait(time.GetElapsedTime(waitStarted));
                        }

                        return new Lease(this);
                    }

                    if (priority == CallPriority.Create && !counted)
                    {
                        _waitingCreates++;
                        counted = true;
                    }

                    if (waitStarted == 0)
                    {
                        waitStarted = time.GetTimestamp();
                    }

                    untilReset = _resetAt > now ? _resetAt - now : TimeSpan.Zero;
                    _waitingUntil = _resetAt > now ? _resetAt : null;
                    changed = _changed.Task;
                }

                // Woken by the reset, an answer that tells more, or a call that ends.
                using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
                {
                    await Task.WhenAny(changed, Task.Delay(untilReset + ResetMargin, time, sleep.Token)).ConfigureAwait(false);
                    await sleep.CancelAsync().ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        catch
        {
            if (counted)
            {
                lock (_gate)
                {
                    _waitingCreates--;
                    Signal();
                }
            }

            throw;
        }
    }

    /// <summary>Learns the window from an answer's headers (each attempt's answer, in any order).</summary>
    public void Observe(HttpResponseMessage response)
    {
        if (RateLimitHeaders.Read(response) is not { } window)
        {
            return;
        }

        lock (_gate)
        {
            var now = time.GetUtcNow();
            var resetAt = now + window.ResetIn;
            // Answers of one window arrive in any order, and each rounds its reset up to a whole
            // second: within a window keep the lowest count and the earliest reset they tell.
            var sameWindow = _limit is not null && now < _resetAt && (resetAt - _resetAt).Duration() < SameWindowTolerance;
            _limit = window.Limit;
            _remaining = sameWindow ? Math.Min(_remaining, window.Remaining) : window.Remaining;
            _resetAt = sameWindow && _resetAt < resetAt ? _resetAt : resetAt;
            Signal();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _inFlight--;
            Signal();
        }
    }

    // Calls the server has counted are in `_remaining`; those still in flight may not be yet, so
    // they are taken off too (at most a few calls of the window go unused, never one too many).
    // Once the reset time has passed, the window is assumed full again until an answer says more.
    private int AvailableLocked(DateTimeOffset now)
    {
        if (now >= _resetAt && _limit is { } limit)
        {
            _remaining = limit;
            _resetAt = now + FullWindowGuess;
        }

        return _remaining - _inFlight;
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // x-ratelimit-reset is whole seconds on the real service, rounded up: a small margin covers a
    // server whose window turns a moment after the second it announced.
    private static readonly TimeSpan ResetMargin = TimeSpan.FromMilliseconds(50);

    // Two resets this close are the same window's, told by answers rounded to different seconds.
    private static readonly TimeSpan SameWindowTolerance = TimeSpan.FromSeconds(1.5);

    // Until an answer of the new window tells its reset, the window is not known to end early.
    private static readonly TimeSpan FullWindowGuess = TimeSpan.FromSeconds(1);

    /// <summary>One call taken from the window; disposing it says the call is over.</summary>
    internal readonly struct Lease(RateBudget? budget) : IDisposable
    {
        public void Dispose() => budget?.Release();
    }
}
