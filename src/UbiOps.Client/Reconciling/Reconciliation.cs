namespace UbiOps.Client;

/// <summary>What the server's records say about a create whose answer was lost.</summary>
internal abstract record Reconciliation
{
    /// <summary>The call made its requests: these, one per input, in input order.</summary>
    public sealed record Created(IReadOnlyList<DeploymentRequestBatchDetail> Requests) : Reconciliation;

    /// <summary>An input of the call is held by fewer requests than the call sent it: the call made nothing.</summary>
    public sealed record NotCreated : Reconciliation;

    /// <summary>
    /// The records do not tell for every input: per input, its request where it could be told
    /// (<paramref name="Adopted"/>, the call was made), else <see langword="null"/> and the requests
    /// that hold it (<paramref name="Candidates"/>), e.g. another producer's with the same input.
    /// </summary>
    public sealed record Undecided(IReadOnlyList<DeploymentRequestBatchDetail?> Adopted, IReadOnlyList<IReadOnlyList<string>> Candidates) : Reconciliation;
}
