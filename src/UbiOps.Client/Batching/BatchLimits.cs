namespace UbiOps.Client;

/// <summary>Limits of the API's batch operations that the client splits work around.</summary>
public static class BatchLimits
{
    /// <summary>The most items one batch create, collect or batch delete call may carry.</summary>
    public const int MaxItemsPerCall = 250;

    /// <summary>How many batch calls run at the same time unless an option says otherwise.</summary>
    public const int DefaultMaxConcurrency = 4;

    /// <summary>The shortest timeout, in seconds, of a direct or batch request.</summary>
    public const int MinTimeoutSeconds = 10;

    /// <summary>The longest timeout, in seconds, of a direct request.</summary>
    public const int MaxDirectTimeoutSeconds = 3600;

    /// <summary>The longest timeout, in seconds, of a batch request.</summary>
    public const int MaxBatchTimeoutSeconds = 172800;
}
