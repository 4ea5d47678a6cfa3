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

    /// <summary>
    /// A batch call for the input lost its answer, and the server's records could not tell whether
    /// it made the input's request: <see cref="RequestOutcome.CandidateRequestIds"/> names the
    /// requests that hold the same input (none, one or several; e.g. another producer sent the same
    /// input at the same time). The input was not sent again, so it ran at most once as far as this
    /// run is concerned; look at the candidates before running it again.
    /// </summary>
    Ambiguous,
}
