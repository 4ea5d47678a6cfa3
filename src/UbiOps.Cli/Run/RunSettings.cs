namespace UbiOps.Cli.Run;

/// <summary>How a run batches and how far it reads ahead.</summary>
internal sealed record RunSettings
{
    /// <summary>The API's largest batch.</summary>
    public const int MaxBatchSize = 250;

    /// <summary>Inputs per batch call.</summary>
    public int BatchSize { get; init; } = MaxBatchSize;

    /// <summary>
    /// Inputs read but not yet written: the bound on memory and on results held back for order.
    /// </summary>
    public int Window { get; init; } = 2000;
}
