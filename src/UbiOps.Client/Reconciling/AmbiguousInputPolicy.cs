namespace UbiOps.Client;

/// <summary>
/// What a run or a batch create does with an input whose batch call lost its answer when the
/// server's records still cannot tell which request (if any) the call made for it: another
/// producer's requests hold the same input, in the same instant.
/// </summary>
public enum AmbiguousInputPolicy
{
    /// <summary>
    /// Report it (an <see cref="OutcomeKind.Ambiguous"/> outcome, <see cref="BatchSubmissionException.Ambiguous"/>)
    /// and send nothing: neither run twice nor adopt another's request. The default.
    /// </summary>
    Report,

    /// <summary>
    /// Take one of its candidates (a request holding the same input, not already taken for another
    /// input of the run) as its request: the input runs at most once, and its result may be another
    /// producer's request's, which is right for a deterministic model. With no candidate it is reported.
    /// </summary>
    Adopt,

    /// <summary>Send it again: the input runs at least once, maybe twice.</summary>
    Resend,
}

/// <summary>How an input's request was settled after its batch call lost its answer and the look-up could not tell.</summary>
public enum AmbiguityResolution
{
    /// <summary>Not ambiguous: its request was made (or found) as usual.</summary>
    None,

    /// <summary>One of its candidates was taken as its request (<see cref="AmbiguousInputPolicy.Adopt"/>).</summary>
    Adopted,

    /// <summary>It was sent again (<see cref="AmbiguousInputPolicy.Resend"/>).</summary>
    SentAgain,
}
