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

    /// <summary>An outcome without a finished request: <see cref="OutcomeKind.Rejected"/> or <see cref="OutcomeKind.Missing"/>.</summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <param name="kind">What became of the input.</param>
    /// <param name="requestId">The request made for it, when there is one.</param>
    /// <param name="errorMessage">Why there is no result.</param>
    /// <exception cref="ArgumentException"><paramref name="kind"/> is <see cref="OutcomeKind.Finished"/>.</exception>
    public RequestOutcome(long index, OutcomeKind kind, string? requestId, string errorMessage)
        : this(index, kind, requestId, detail: null, errorMessage)
    {
        if (kind == OutcomeKind.Finished)
        {
            throw new ArgumentException("A finished outcome is made from the request's detail.", nameof(kind));
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

    /// <inheritdoc />
    public override string ToString() => Kind == OutcomeKind.Finished
        ? $"#{Index} {RequestId}: {Status}"
        : $"#{Index} {Kind.ToString().ToLowerInvariant()}: {ErrorMessage}";
}
