namespace UbiOps.Client.Tests.TestSupport;

/// <summary>
/// A clock on which every pause ends at once: it moves the clock forward by the pause and records
/// it, so tests see the exact backoff sequence and reach timeouts without waiting.
/// </summary>
internal sealed class InstantTimeProvider : TimeProvider
{
    private static readonly DateTimeOffset Epoch = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly List<TimeSpan> _pauses = [];
    private long _ticks;

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
        if (dueTime != Timeout.InfiniteTimeSpan)
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
