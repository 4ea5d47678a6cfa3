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
        : this(submitted, notSubmittedIndices, ambiguous: [], innerException)
    {
    }

    /// <summary>Creates the exception, with inputs whose fate the server's records could not tell.</summary>
    /// <param name="submitted">The inputs that became requests, in input order.</param>
    /// <param name="notSubmittedIndices">Positions of the inputs that did not (surely) become requests, the ambiguous ones included.</param>
    /// <param name="ambiguous">The inputs whose batch call lost its answer and whose requests could not be identified.</param>
    /// <param name="innerException">The failure of the call that broke off the submission.</param>
    public BatchSubmissionException(IReadOnlyList<SubmittedRequest> submitted, IReadOnlyList<int> notSubmittedIndices,
        IReadOnlyList<AmbiguousInput> ambiguous, Exception innerException)
        : base(Describe(submitted.Count, notSubmittedIndices.Count, ambiguous?.Count ?? 0, innerException),
            submitted.Select(s => checked((int)s.Index)).ToArray(), notSubmittedIndices, innerException)
    {
        ArgumentNullException.ThrowIfNull(ambiguous);
        Submitted = submitted;
        Ambiguous = ambiguous;
    }

    /// <summary>The inputs that became requests: their positions and request ids, in input order.</summary>
    public IReadOnlyList<SubmittedRequest> Submitted { get; }

    /// <summary>
    /// Inputs whose batch call lost its answer and whose requests the server's records could not
    /// identify (they are among <see cref="BatchOperationException.NotCompletedIndices"/> too): do
    /// not resubmit them without looking at their candidates.
    /// </summary>
    public IReadOnlyList<AmbiguousInput> Ambiguous { get; }

    private static string Describe(int submitted, int notSubmitted, int ambiguous, Exception inner) =>
        ambiguous == 0
            ? $"Submitted {submitted} of {submitted + notSubmitted} inputs before a batch call failed; {notSubmitted} were not submitted: {inner.Message}"
            : $"Submitted {submitted} of {submitted + notSubmitted} inputs; for {ambiguous} a batch call lost its answer and the server's records cannot tell " +
              $"whether their requests were made (see Ambiguous); {notSubmitted - ambiguous} were not submitted: {inner.Message}";
}

/// <summary>An input whose batch call lost its answer, and the requests that hold the same input.</summary>
/// <param name="Index">The input's position in the caller's inputs.</param>
/// <param name="CandidateRequestIds">The requests holding the same input, one of which may be its own (may be empty).</param>
public sealed record AmbiguousInput(long Index, IReadOnlyList<string> CandidateRequestIds);

/// <summary>An input that became a request.</summary>
/// <param name="Index">The input's position in the caller's inputs.</param>
/// <param name="RequestId">The id of the request created for it.</param>
public sealed record SubmittedRequest(long Index, string RequestId);
