namespace UbiOps.Client;

/// <summary>How a batch of requests is created.</summary>
public sealed class BatchCreateOptions
{
    /// <summary>How many calls run at the same time unless an option says otherwise.</summary>
    internal const int DefaultMaxConcurrency = 4;

    /// <summary>
    /// The timeout of each request, from when it starts processing: whole seconds from
    /// <see cref="RequestLimits.MinTimeout"/> to <see cref="RequestLimits.MaxBatchTimeout"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestLimits.DefaultBatchTimeout"/>).</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// What to do with an input whose batch call lost its answer when the server's records cannot
    /// tell which request, if any, the call made for it: report it in a
    /// <see cref="BatchSubmissionException"/>, adopt a candidate (at most once), or send it again (at least once).
    /// </summary>
    /// <value>The default value is <see cref="AmbiguousInputPolicy.Report"/>.</value>
    public AmbiguousInputPolicy OnAmbiguous { get; set; } = AmbiguousInputPolicy.Report;

    /// <summary>How soon the server starts the requests (read by today's service; the 2024-07 generation ignores it).</summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestPriority.Standard"/>).</value>
    public RequestPriority? Priority { get; set; }

    /// <summary>A notification group to notify when the requests complete (read only by the 2024-07 generation).</summary>
    /// <value>The default value is <see langword="null"/>: no notifications.</value>
    [Obsolete("Read only by servers of the 2024-07 generation; today's service (2025-12) ignores it.")]
    public string? NotificationGroup { get; set; }

    /// <summary>
    /// How many batch calls (of at most <see cref="RequestLimits.MaxItemsPerCall"/> inputs each) run at
    /// the same time; at least 1.
    /// </summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; set; } = DefaultMaxConcurrency;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate() => _ = TimeoutSeconds();

    /// <summary>The timeout as the API's whole seconds, after checking every option.</summary>
    internal int? TimeoutSeconds()
    {
        var seconds = Guard.TimeoutSeconds(Timeout, RequestLimits.MaxBatchTimeout, nameof(Timeout));
#pragma warning disable CS0618 // still checked and sent when a caller sets it
        Guard.NotificationGroup(NotificationGroup, nameof(NotificationGroup));
#pragma warning restore CS0618
        Guard.Priority(Priority, nameof(Priority));
        Guard.Defined(OnAmbiguous, nameof(OnAmbiguous));

        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "At least one batch call must be allowed at a time.");
        }

        return seconds;
    }
}
