namespace UbiOps.Client;

/// <summary>What came of one input of a run: its request, final status, and result or error.</summary>
public sealed class RequestOutcome
{
    /// <summary>An outcome for an input whose request finished.</summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <param name="detail">The finished request.</param>
    public RequestOutcome(long index, DeploymentRequestBatchDetail detail)
        : this(index, OutcomeKind.Finished, detail?.Id, detail, errorMessage: null)
    {
        ArgumentNullException.ThrowIfNull(detail);
    }

    /// <summary>
    /// An <see cref="OutcomeKind.Ambiguous"/> outcome: it is not known whether a request was made
    /// for the input; these requests hold the same input.
    /// </summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <param name="candidateRequestIds">The requests that hold the same input (may be empty).</param>
    public RequestOutcome(long index, IReadOnlyList<string> candidateRequestIds)
        : this(index, OutcomeKind.Ambiguous, requestId: null, detail: null, DescribeAmbiguous(candidateRequestIds))
    {
        CandidateRequestIds = [.. candidateRequestIds];
    }

    /// <summary>An outcome without a finished request: <see cref="OutcomeKind.Rejected"/> or <see cref="OutcomeKind.Missing"/>.</summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <param name="kind">What became of the input.</param>
    /// <param name="requestId">The request made for it, when there is one.</param>
    /// <param name="errorMessage">Why there is no result.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="OutcomeKind.Finished"/>.</exception>
    public RequestOutcome(long index, OutcomeKind kind, string? requestId, string errorMessage)
        : this(index, kind, requestId, detail: null, errorMessage)
    {
        if (kind is OutcomeKind.Finished or OutcomeKind.Ambiguous)
        {
            throw new ArgumentException($"A {kind.ToString().ToLowerInvariant()} outcome has its own constructor.", nameof(kind));
        }

        ArgumentNullException.ThrowIfNull(errorMessage);
    }

    private RequestOutcome(long index, OutcomeKind kind, string? requestId, DeploymentRequestBatchDetail? detail, string? errorMessage)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        Index = index;
        Kind = kind;
        RequestId = requestId;
        Detail = detail;
        ErrorMessage = detail?.ErrorMessage ?? errorMessage;
    }

    /// <summary>The input's position in the run's inputs (0 for the first).</summary>
    public long Index { get; }

    /// <summary>Whether the input's request finished, or why there is none.</summary>
    public OutcomeKind Kind { get; }

    /// <summary>The id of the request made for the input; <see langword="null"/> when it was rejected.</summary>
    public string? RequestId { get; }

    /// <summary>
    /// The request's final status (completed, failed or cancelled); <see langword="default"/> when
    /// there is no finished request.
    /// </summary>
    public RequestStatus Status => Detail?.Status ?? default;

    /// <summary>Whether the request completed.</summary>
    public bool Succeeded => Status == RequestStatus.Completed;

    /// <summary>The result of a completed request; <see langword="null"/> otherwise.</summary>
    public RequestPayload? Result => Detail?.Result;

    /// <summary>
    /// Why there is no result: the deployment's error message of a failed request, or the API's
    /// reason for a rejected input; <see langword="null"/> for a completed request.
    /// </summary>
    public string? ErrorMessage { get; }

    /// <summary>Everything the server said about the finished request; <see langword="null"/> when there is none.</summary>
    public DeploymentRequestBatchDetail? Detail { get; }

    /// <summary>
    /// For an <see cref="OutcomeKind.Ambiguous"/> outcome, the requests that hold the same input, one
    /// of which may be this input's; empty otherwise.
    /// </summary>
    public IReadOnlyList<string> CandidateRequestIds { get; } = [];

    /// <summary>
    /// For an input whose batch call lost its answer and whose request the look-up could not tell,
    /// how the run settled it (by <see cref="RunOptions.OnAmbiguous"/>); <see cref="AmbiguityResolution.None"/> otherwise.
    /// </summary>
    public AmbiguityResolution Resolution { get; init; }

    private static string DescribeAmbiguous(IReadOnlyList<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.Count == 0
            ? "A batch call's answer was lost, and no request holding this input could be found, nor could its absence be proved; it was not sent again."
            : $"A batch call's answer was lost, and it cannot be told which request (if any) was made for this input; requests holding the same input: {string.Join(", ", candidates)}. It was not sent again.";
    }

    /// <inheritdoc />
    public override string ToString() => Kind == OutcomeKind.Finished
        ? $"#{Index} {RequestId}: {Status}"
        : $"#{Index} {Kind.ToString().ToLowerInvariant()}: {ErrorMessage}";
}
