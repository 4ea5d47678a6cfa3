namespace UbiOps.Client;

/// <summary>
/// How far the server's clock is from ours, learnt from creates: every request the server made
/// between our sending a call and reading its answer has a <c>time_created</c> in that span of
/// our clock, shifted by the offset. Until a create was answered, the <c>Date</c> header of any
/// answer gives a coarser hint. Shared by one client's calls; thread-safe.
/// </summary>
internal sealed class ServerClock
{
    // Until a create was answered, a server is assumed within two minutes of us (NTP-synced hosts
    // are within a second; a wider window only costs a longer list).
    private static readonly TimeSpan UnknownOffset = TimeSpan.FromMinutes(2);

    // The server's timestamps are to the millisecond, and stored requests appear with a lag.
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(1);

    // A Date header is to the second and may be a second old (servers cache it); the hosts that
    // answer and the ones that stamp time_created are taken to agree within a few seconds more.
    private static readonly TimeSpan DateResolution = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HintMargin = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private TimeSpan? _low, _high;
    private TimeSpan? _hintLow, _hintHigh;

    /// <summary>A create sent at <paramref name="sent"/> and answered at <paramref name="answered"/> (our clock) made requests at these server times.</summary>
    public void Observe(DateTimeOffset sent, DateTimeOffset answered, IEnumerable<DateTimeOffset> created)
    {
        var times = created.Where(t => t != default).ToArray();
        if (times.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            (_low, _high) = Narrow(_low, _high, times.Max() - answered, times.Min() - sent);
        }
    }

    /// <summary>An answer to a call sent at <paramref name="sent"/> and answered at <paramref name="answered"/> (our clock) carried this <c>Date</c>.</summary>
    public void ObserveDate(DateTimeOffset sent, DateTimeOffset answered, DateTimeOffset date)
    {
        lock (_gate)
        {
            (_hintLow, _hintHigh) = Narrow(_hintLow, _hintHigh, date - answered, date + DateResolution - sent);
        }
    }

    private static (TimeSpan Low, TimeSpan High) Narrow(TimeSpan? knownLow, TimeSpan? knownHigh, TimeSpan low, TimeSpan high)
    {
        if (knownLow is { } l && knownHigh is { } h && Math.Max(l.Ticks, low.Ticks) <= Math.Min(h.Ticks, high.Ticks))
        {
            // Every observation holds the true offset: keep what they agree on.
            return (l > low ? l : low, h < high ? h : high);
        }

        // The first, or the clocks moved: the newest observation alone.
        return (low, high);
    }

    /// <summary>
    /// The server-time span in which requests made by a call sent at <paramref name="sent"/> and
    /// given up at <paramref name="givenUp"/> (our clock) were created, if they were.
    /// </summary>
    public (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset sent, DateTimeOffset givenUp)
    {
        lock (_gate)
        {
            var (low, high) = (_low, _high) is ({ } l, { } h) ? (l, h)
                : (_hintLow, _hintHigh) is ({ } hl, { } hh) ? (hl - HintMargin, hh + HintMargin)
                : (-UnknownOffset, UnknownOffset);
            return (sent + low - Slack, givenUp + high + Slack);
        }
    }
}
