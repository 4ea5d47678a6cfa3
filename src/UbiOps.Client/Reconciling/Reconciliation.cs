namespace UbiOps.Client;

/// <summary>What the server's records say about a create whose answer was lost.</summary>
internal abstract record Reconciliation
{
    /// <summary>The call made its requests: these, one per input, in input order.</summary>
    public sealed record Created(IReadOnlyList<DeploymentRequestBatchDetail> Requests) : Reconciliation;

    /// <summary>No request in the call's time window holds any of its inputs: it made nothing.</summary>
    public sealed record NotCreated : Reconciliation;

    /// <summary>
    /// The records do not tell (some inputs found, or more requests with an input than the call
    /// sent, e.g. another producer sending the same inputs): per input, the requests that hold it.
    /// </summary>
    public sealed record Undecided(IReadOnlyList<IReadOnlyList<string>> Candidates) : Reconciliation;
}
