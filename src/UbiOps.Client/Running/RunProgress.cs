namespace UbiOps.Client;

/// <summary>How far a run (or a wait) has come, reported after every change.</summary>
/// <param name="Total">How many inputs there are, when known (a list, or the ids of a wait); <see langword="null"/> for a stream.</param>
/// <param name="Submitted">Inputs that are requests on the server (accepted in this run or an earlier one).</param>
/// <param name="Completed">Requests that completed.</param>
/// <param name="Failed">Requests that failed.</param>
/// <param name="Cancelled">Requests that were cancelled.</param>
/// <param name="Rejected">Inputs the API refused.</param>
/// <param name="RateLimitedUntil">When calls are held for the rate-limit window, the time it resets; else <see langword="null"/>.</param>
public sealed record RunProgress(
    long? Total, long Submitted, long Completed, long Failed, long Cancelled, long Rejected, DateTimeOffset? RateLimitedUntil)
{
    /// <summary>
    /// Inputs whose batch call lost its answer and whose request the server's records could not
    /// identify (see <see cref="OutcomeKind.Ambiguous"/>).
    /// </summary>
    public long Ambiguous { get; init; }

    /// <summary>Requests that finished: completed, failed or cancelled.</summary>
    public long Finished => Completed + Failed + Cancelled;

    /// <summary>Submitted requests that have not finished yet.</summary>
    public long Pending => Submitted - Finished;
}
