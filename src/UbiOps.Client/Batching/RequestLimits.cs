namespace UbiOps.Client;

/// <summary>The limits the API sets on requests, which the client checks before any call.</summary>
public static class RequestLimits
{
    /// <summary>The most items one batch create, collect or batch delete call may carry: 250.</summary>
    public const int MaxItemsPerCall = 250;

    /// <summary>The shortest timeout of a direct or batch request: 10 seconds.</summary>
    public static TimeSpan MinTimeout { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest timeout of a direct request: 3600 seconds (1 hour).</summary>
    public static TimeSpan MaxDirectTimeout { get; } = TimeSpan.FromSeconds(3600);

    /// <summary>The timeout of a direct request when none is given: 300 seconds.</summary>
    public static TimeSpan DefaultDirectTimeout { get; } = TimeSpan.FromSeconds(300);

    /// <summary>The longest timeout of a batch request: 172800 seconds (48 hours), counted from when it starts processing.</summary>
    public static TimeSpan MaxBatchTimeout { get; } = TimeSpan.FromSeconds(172800);

    /// <summary>The timeout of a batch request when none is given: 14400 seconds (4 hours).</summary>
    public static TimeSpan DefaultBatchTimeout { get; } = TimeSpan.FromSeconds(14400);
}
