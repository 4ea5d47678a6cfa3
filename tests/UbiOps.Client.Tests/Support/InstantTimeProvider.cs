namespace UbiOps.Client.Tests.Support;

/// <summary>
/// A clock on which every pause ends at once: it moves the clock forward by the pause and records
/// it, so tests see the exact backoff sequence and reach timeouts without waiting.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _pauses = [];
    private long _ticks;
    private volatile bool _holdTimers;

    /// <summary>
    /// While set, a timer created never fires and does not move the clock: a wait it would time
    /// out must end another way (e.g. a run waiting for its first batch to be accepted).
    /// </summary>
    public bool HoldTimers
    {
        get => _holdTimers;
        set => _holdTimers = value;
    }

    public IReadOnlyList<TimeSpan> Pauses
    {
        get
        {
            lock (_pauses)
            {
                return _pauses.ToArray();
            }
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Read(ref _ticks);

    public override DateTimeOffset GetUtcNow() => Epoch + TimeSpan.FromTicks(GetTimestamp());

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan && !_holdTimers)
        {
            lock (_pauses)
            {
                _pauses.Add(dueTime);
                _ticks += dueTime.Ticks;
            }

            callback(state);
        }

        return new InertTimer();
    }

    private sealed class InertTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
