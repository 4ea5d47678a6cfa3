namespace UbiOps.Client;

/// <summary>What one run (or wait) of the engine is told: the options of either, checked.</summary>
internal sealed record EngineSettings
{
    // No defaults here: For fills every field from the options, whose defaults are the documented ones.
    public int? TimeoutSeconds { get; init; }

    public string? NotificationGroup { get; init; }

    public RequestPriority? Priority { get; init; }

    public AmbiguousInputPolicy OnAmbiguous { get; init; }

    public int MaxInFlight { get; init; }

    public int MaxConcurrentCalls { get; init; }

    public TimeSpan FirstPollDelay { get; init; }

    public TimeSpan MaxPollInterval { get; init; }

    public TimeSpan BatchLinger { get; init; }

    public TimeSpan ReconcileDelay { get; init; }

    public IProgress<RunProgress>? Progress { get; init; }

    public RunJournal? Journal { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Outcomes in input order (a run) or as they finish (a wait).</summary>
    public bool InOrder { get; init; } = true;

    /// <summary>How long a wait may take in all.</summary>
    public TimeSpan? WaitTimeout { get; init; }

    /// <summary>How many inputs there are, when known.</summary>
    public long? Total { get; init; }

    public static EngineSettings For(RunOptions options, long? total, TimeSpan reconcileDelay) => new()
    {
        TimeoutSeconds = options.RequestTimeoutSeconds(),
#pragma warning disable CS0618 // still sent when a caller sets it
        NotificationGroup = options.NotificationGroup,
#pragma warning restore CS0618
        Priority = options.Priority,
        OnAmbiguous = options.OnAmbiguous,
        MaxInFlight = options.MaxInFlight,
        MaxConcurrentCalls = options.MaxConcurrentCalls,
        FirstPollDelay = options.FirstPollDelay,
        MaxPollInterval = options.MaxPollInterval,
        BatchLinger = options.BatchLinger,
        Progress = options.Progress,
        Journal = options.Journal,
        Time = options.TimeProvider,
        ReconcileDelay = reconcileDelay,
        Total = total,
    };

    public static EngineSettings For(WaitOptions options, long total) => new()
    {
        MaxConcurrentCalls = options.MaxConcurrentCalls,
        FirstPollDelay = options.FirstPollDelay,
        MaxPollInterval = options.MaxPollInterval,
        Progress = options.Progress,
        Time = options.TimeProvider,
        InOrder = false,
        WaitTimeout = options.Timeout,
        Total = total,
        MaxInFlight = int.MaxValue,
    };
}
