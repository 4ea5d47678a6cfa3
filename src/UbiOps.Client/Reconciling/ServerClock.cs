namespace UbiOps.Client;

/// <summary>
/// How far the server's clock is from ours, learnt from creates: every request the server made
/// between our sending a call and reading its answer has a <c>time_created</c> in that span of
/// our clock, shifted by the offset. Shared by one client's calls; thread-safe.
/// </summary>
internal sealed class ServerClock
{
    // Until a create was answered, a server is assumed within two minutes of us (NTP-synced hosts
    // are within a second; a wider window only costs a longer list).
    private static readonly TimeSpan UnknownOffset = TimeSpan.FromMinutes(2);

    // The server's timestamps are to the millisecond, and stored requests appear with a lag.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    private readonly object _gate = new();
    private TimeSpan? _low, _high;

    /// <summary>A create sent at <paramref name="sent"/> and answered at <paramref name="answered"/> (our clock) made requests at these server times.</summary>
    public void Observe(DateTimeOffset sent, DateTimeOffset answered, IEnumerable<DateTimeOffset> created)
    {
        var times = created.Where(t => t != default).ToArray();
        if (times.Length == 0)
        {
            return;
        }

        var low = times.Max() - answered;
        var high = times.Min() - sent;
        lock (_gate)
        {
            if (_low is { } knownLow && _high is { } knownHigh && Math.Max(knownLow.Ticks, low.Ticks) <= Math.Min(knownHigh.Ticks, high.Ticks))
            {
                // Every observation holds the true offset: keep what they agree on.
                _low = knownLow > low ? knownLow : low;
                _high = knownHigh < high ? knownHigh : high;
            }
            else
            {
                // The first, or the clocks moved: the newest observation alone.
                (_low, _high) = (low, high);
            }
        }
    }

    /// <summary>
    /// The server-time span in which requests made by a call sent at <paramref name="sent"/> and
    /// given up at <paramref name="givenUp"/> (our clock) were created, if they were.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset sent, DateTimeOffset givenUp)
    {
        lock (_gate)
        {
            var low = _low ?? -UnknownOffset;
            var high = _high ?? UnknownOffset;
            return (sent + low - Slack, givenUp + high + Slack);
        }
    }
}
