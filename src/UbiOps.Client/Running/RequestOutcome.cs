namespace UbiOps.Client;

/// <summary>What came of one input of a run: its request, final status and output or error.</summary>
public sealed class RequestOutcome
{
    /// <summary>Creates an outcome.</summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <param name="detail">The finished request.</param>
    public RequestOutcome(int index, DeploymentRequestBatchDetail detail)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentNullException.ThrowIfNull(detail);
        Index = index;
        Detail = detail;
    }

    /// <summary>The input's position in the run's inputs.</summary>
    public int Index { get; }

    /// <summary>The id of the request made for the input.</summary>
    public string RequestId => Detail.Id;

    /// <summary>The final status: completed, failed or cancelled.</summary>
    public RequestStatus Status => Detail.Status;

    /// <summary>Whether the request completed.</summary>
    public bool Succeeded => Status == RequestStatus.Completed;

    /// <summary>The result of a completed request; <see langword="null"/> otherwise.</summary>
    public RequestPayload? Result => Detail.Result;

    /// <summary>The error message of a failed request; <see langword="null"/> otherwise.</summary>
    public string? ErrorMessage => Detail.ErrorMessage;

    /// <summary>Everything the server said about the request.</summary>
    public DeploymentRequestBatchDetail Detail { get; }

    /// <inheritdoc />
    public override string ToString() => $"#{Index} {RequestId}: {Status}";
}
