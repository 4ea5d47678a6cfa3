using Microsoft.Extensions.Time.Testing;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// A fake clock that also records every timer created on it, so a test can wait until the code
/// under test has started a wait of a given length before moving the clock.
/// </summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Signal)> _waiters = [];
    private readonly List<TimeSpan> _dueTimes = [];

    public RecordingTimeProvider()
        : base(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    public IReadOnlyList<TimeSpan> DueTimes { get { lock (_dueTimes) { return [.. _dueTimes]; } } }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_dueTimes)
        {
            _dueTimes.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime).ToList())
            {
                waiter.Signal.TrySetResult();
                _waiters.Remove(waiter);
            }
        }

        return timer;
    }

    /// <summary>Completes once a timer of exactly <paramref name="dueTime"/> exists.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime)
    {
        lock (_dueTimes)
        {
            if (_dueTimes.Contains(dueTime))
            {
                return Task.CompletedTask;
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((dueTime, signal));
            // A safety net against a hung test, not an assertion on speed.
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
