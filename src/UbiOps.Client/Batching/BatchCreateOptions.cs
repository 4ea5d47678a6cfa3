namespace UbiOps.Client;

/// <summary>How a batch of requests is created.</summary>
public sealed class BatchCreateOptions
{
    /// <summary>
    /// The timeout of each request, in seconds, from when it starts processing; 10 to 172800.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the server's default of 14400 (4 hours).</value>
    public int? TimeoutSeconds { get; set; }

    /// <summary>A notification group to notify when the requests complete.</summary>
    /// <value>The default value is <see langword="null"/>: no notifications.</value>
    public string? NotificationGroup { get; set; }

    /// <summary>
    /// How many batch calls (of at most <see cref="BatchLimits.MaxItemsPerCall"/> inputs each) run at
    /// the same time; at least 1.
    /// </summary>
    /// <value>The default value is <see cref="BatchLimits.DefaultMaxConcurrency"/>.</value>
    public int MaxConcurrency { get; set; } = BatchLimits.DefaultMaxConcurrency;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (TimeoutSeconds is { } timeout and (< BatchLimits.MinTimeoutSeconds or > BatchLimits.MaxBatchTimeoutSeconds))
        {
            throw new ArgumentOutOfRangeException(nameof(TimeoutSeconds), timeout,
                $"A batch request timeout must be {BatchLimits.MinTimeoutSeconds} to {BatchLimits.MaxBatchTimeoutSeconds} seconds.");
        }

        if (NotificationGroup is not null && string.IsNullOrWhiteSpace(NotificationGroup))
        {
            throw new ArgumentException($"{nameof(NotificationGroup)} must not be empty when set.", nameof(NotificationGroup));
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "At least one batch call must be allowed at a time.");
        }
    }
}
