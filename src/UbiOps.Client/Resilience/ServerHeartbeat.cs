namespace UbiOps.Client;

/// <summary>
/// What the calls of one client have heard from the server lately, across calls: when it last
/// served one (an answer other than a 5xx or a 429), and how long it has been silent: for how long,
/// since the last answer to any call, some attempt was waiting on it in vain. The retry rules read
/// it to tell a failure of one call on a working server from a server that has gone silent.
/// </summary>
/// <remarks>
/// Silence counts only time the server was being asked: a call waiting out its retry delay is not
/// waiting on the server, so a dropped connection, a pause, then a timed-out attempt are one
/// attempt's timeout of silence, not the pause too.
/// </remarks>
internal sealed class ServerHeartbeat(TimeProvider time)
{
    private const long Never = long.MinValue;
    private readonly object _gate = new();
    private long _lastServed = Never;      // UTC ticks
    private long _silence;                 // ticks some attempt waited in vain since the last answer (their union)
    private long _silentUntil = Never;     // UTC ticks: the latest answer, or the end of a later unanswered attempt

    /// <summary>An answer came back (any status).</summary>
    public void Answered(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var now = Now;
        lock (_gate)
        {
            _silence = 0;
            _silentUntil = now;
            if (status < 500 && status != 429)
            {
                _lastServed = now;
            }
        }
    }

    /// <summary>An attempt got no answer: it timed out after <paramref name="waited"/>, or its connection failed.</summary>
    public void Unanswered(TimeSpan waited)
    {
        lock (_gate)
        {
            // Attempts end in time order: only the part after the latest answer or unanswered attempt is new.
            var now = Now;
            _silence += Math.Max(0, now - Math.Max(now - waited.Ticks, _silentUntil));
            _silentUntil = Math.Max(_silentUntil, now);
        }
    }

    /// <summary>How long the server has answered nothing while asked: zero while answers come back.</summary>
    public TimeSpan Silence
    {
        get
        {
            lock (_gate)
            {
                return TimeSpan.FromTicks(_silence);
            }
        }
    }

    /// <summary>Whether some call was served within the last <paramref name="span"/>.</summary>
    public bool ServedWithin(TimeSpan span)
    {
        lock (_gate)
        {
            return _lastServed != Never && Now - _lastServed <= span.Ticks;
        }
    }

    private long Now => time.GetUtcNow().UtcTicks;
}
