namespace UbiOps.Client;

/// <summary>What one run (or wait) of the engine is told: the options of either, checked.</summary>
internal sealed record EngineSettings
{
    public int? TimeoutSeconds { get; init; }

    public string? NotificationGroup { get; init; }

    public int MaxInFlight { get; init; } = 50_000;

    public int MaxConcurrentCalls { get; init; } = 4;

    public TimeSpan FirstPollDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan BatchLinger { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconcileDelay { get; init; } = new UbiOpsResilienceOptions().ReconcileDelay;

    public IProgress<RunProgress>? Progress { get; init; }

    public RunJournal? Journal { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Outcomes in input order (a run) or as they finish (a wait).</summary>
    public bool InOrder { get; init; } = true;

    /// <summary>How long a wait may take in all.</summary>
    public TimeSpan? WaitTimeout { get; init; }

    /// <summary>How many inputs there are, when known.</summary>
    public long? Total { get; init; }

    public static EngineSettings For(RunOptions options, long? total) => new()
    {
        TimeoutSeconds = options.RequestTimeoutSeconds(),
        NotificationGroup = options.NotificationGroup,
        MaxInFlight = options.MaxInFlight,
        MaxConcurrentCalls = options.MaxConcurrentCalls,
        FirstPollDelay = options.FirstPollDelay,
        MaxPollInterval = options.MaxPollInterval,
        BatchLinger = options.BatchLinger,
        Progress = options.Progress,
        Journal = options.Journal,
        Time = options.TimeProvider,
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
