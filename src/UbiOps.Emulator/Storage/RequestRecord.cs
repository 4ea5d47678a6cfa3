namespace UbiOps.Emulator.Storage;

/// <summary>Whether a request was made directly (answered when done) or in a batch (queued): the UbiOps request mode.</summary>
internal enum RequestMode
{
    Direct,
    Batch,
}

/// <summary>One stored deployment request. Times are Unix milliseconds (UTC); JSON values are kept as text.</summary>
internal sealed record RequestRecord
{
    public required string Id { get; init; }

    public required string Project { get; init; }

    public required string Deployment { get; init; }

    public required string Version { get; init; }

    public required RequestMode Kind { get; init; }

    public required RequestStatus Status { get; init; }

    public required long CreatedAt { get; init; }

    public long? StartedAt { get; init; }

    public long? CompletedAt { get; init; }

    public required string RequestData { get; init; }

    public string? Result { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The timeout in (API) seconds.</summary>
    public required int Timeout { get; init; }

    public string? NotificationGroup { get; init; }

    public required long InputSize { get; init; }

    public long? OutputSize { get; init; }

    public int Retries { get; init; }

    public required string CreatedBy { get; init; }

    /// <summary>How soon the request starts: waiting high-priority requests go first.</summary>
    public RequestPriority Priority { get; init; } = RequestPriority.Standard;
}
