namespace UbiOps.Client;

/// <summary>
/// What the calls of one client have heard from the server lately, across calls: when it last
/// served one (an answer other than a 5xx or a 429), and since when nothing at all has come back
/// (a call timed out or its connection failed, and no answer of any call since). The retry rules
/// read it to tell a failure of one call on a working server from a server that has gone silent.
/// </summary>
internal sealed class ServerHeartbeat(TimeProvider time)
{
    private const long Never = long.MinValue;
    private long _lastServed = Never;      // UTC ticks
    private long _silentSince = Never;     // UTC ticks; Never while answers come back

    /// <summary>An answer came back (any status).</summary>
    public void Answered(HttpResponseMessage response)
    {
        Interlocked.Exchange(ref _silentSince, Never);
        var status = (int)response.StatusCode;
        if (status < 500 && status != 429)
        {
            Interlocked.Exchange(ref _lastServed, Now);
        }
    }

    /// <summary>An attempt got no answer: it timed out after <paramref name="waited"/>, or its connection failed.</summary>
    public void Unanswered(TimeSpan waited) =>
        Interlocked.CompareExchange(ref _silentSince, Now - waited.Ticks, Never);

    /// <summary>How long the server has answered nothing, to any call: zero while answers come back.</summary>
    public TimeSpan Silence => Interlocked.Read(ref _silentSince) is var since && since == Never
        ? TimeSpan.Zero
        : TimeSpan.FromTicks(Math.Max(0, Now - since));

    /// <summary>Whether some call was served within the last <paramref name="span"/>.</summary>
    public bool ServedWithin(TimeSpan span) =>
        Interlocked.Read(ref _lastServed) is var served && served != Never && Now - served <= span.Ticks;

    private long Now => time.GetUtcNow().UtcTicks;
}
