namespace UbiOps.Client;

/// <summary>
/// Creating a batch of requests failed part-way: <see cref="Submitted"/> tells which inputs became
/// requests (with their ids), <see cref="BatchOperationException.NotCompletedIndices"/> which did
/// not. Resubmit only the latter to avoid running an input twice.
/// </summary>
public sealed class BatchSubmissionException : BatchOperationException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="submitted">The inputs that became requests, in input order.</param>
    /// <param name="notSubmittedIndices">Positions of the inputs that did not (surely) become requests.</param>
    /// <param name="innerException">The failure of the call that broke off the submission.</param>
    public BatchSubmissionException(IReadOnlyList<SubmittedRequest> submitted, IReadOnlyList<int> notSubmittedIndices, Exception innerException)
        : base(Describe(submitted.Count, notSubmittedIndices.Count, innerException),
            submitted.Select(s => checked((int)s.Index)).ToArray(), notSubmittedIndices, innerException)
    {
        Submitted = submitted;
    }

    /// <summary>The inputs that became requests: their positions and request ids, in input order.</summary>
    public IReadOnlyList<SubmittedRequest> Submitted { get; }

    private static string Describe(int submitted, int notSubmitted, Exception inner) =>
        $"Submitted {submitted} of {submitted + notSubmitted} inputs before a batch call failed; {notSubmitted} were not submitted: {inner.Message}";
}

/// <summary>An input that became a request.</summary>
/// <param name="Index">The input's position in the caller's inputs.</param>
/// <param name="RequestId">The id of the request created for it.</param>
public sealed record SubmittedRequest(long Index, string RequestId);
