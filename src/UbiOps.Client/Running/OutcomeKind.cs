namespace UbiOps.Client;

/// <summary>What became of one input of a run.</summary>
public enum OutcomeKind
{
    /// <summary>
    /// The input became a request and the request finished: see <see cref="RequestOutcome.Status"/>
    /// (completed, failed or cancelled).
    /// </summary>
    Finished,

    /// <summary>
    /// The API refused the input (for instance a plain input for a structured deployment): no request
    /// exists; <see cref="RequestOutcome.ErrorMessage"/> is the API's reason.
    /// </summary>
    Rejected,

    /// <summary>
    /// The input became a request, but the server no longer knows it (it was deleted before it could
    /// be read): its result is lost. <see cref="RequestOutcome.RequestId"/> names it.
    /// </summary>
    Missing,
}
