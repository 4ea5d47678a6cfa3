namespace UbiOps.Client;

/// <summary>How a run submits its inputs and waits for their results.</summary>
public sealed class RunOptions
{
    /// <summary>
    /// The timeout of each request, from when it starts processing: whole seconds from
    /// <see cref="RequestLimits.MinTimeout"/> to <see cref="RequestLimits.MaxBatchTimeout"/>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestLimits.DefaultBatchTimeout"/>).</value>
    public TimeSpan? RequestTimeout { get; set; }

    /// <summary>
    /// What to do with an input whose batch call lost its answer when the server's records cannot
    /// tell which request, if any, the call made for it (another producer's requests hold the same
    /// input): report it, adopt a candidate (at most once), or send it again (at least once).
    /// </summary>
    /// <value>The default value is <see cref="AmbiguousInputPolicy.Report"/>.</value>
    public AmbiguousInputPolicy OnAmbiguous { get; set; } = AmbiguousInputPolicy.Report;

    /// <summary>How soon the server starts each request (read by today's service; the 2024-07 generation ignores it).</summary>
    /// <value>The default value is <see langword="null"/>: the server's default (<see cref="RequestPriority.Standard"/>).</value>
    public RequestPriority? Priority { get; set; }

    /// <summary>A notification group to notify when each request completes (read only by the 2024-07 generation).</summary>
    /// <value>The default value is <see langword="null"/>: no notifications.</value>
    [Obsolete("Read only by servers of the 2024-07 generation; today's service (2025-12) ignores it.")]
    public string? NotificationGroup { get; set; }

    /// <summary>
    /// The most inputs a run holds at once: read, but their outcomes not yet taken by the caller.
    /// It bounds memory (a million inputs run in the same memory as this many) and how far
    /// submitting runs ahead of results; at least <see cref="RequestLimits.MaxItemsPerCall"/>.
    /// </summary>
    /// <value>The default value is 50,000 (200 full batches).</value>
    public int MaxInFlight { get; set; } = 50_000;

    /// <summary>
    /// How many polls may be in flight at once; at least 1. Batches are created one at a time, in
    /// input order, so that the server (which runs requests in the order it accepted them) runs
    /// them in input order.
    /// </summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>
    /// How long after the first batch is accepted the first poll is made, before the run has seen
    /// how fast requests finish; later polls are timed from that (the pause doubles while nothing has
    /// finished). More than zero.
    /// </summary>
    /// <value>The default value is 100 milliseconds.</value>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between polls, however slowly requests finish; at least <see cref="FirstPollDelay"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a partly filled batch waits for more inputs from a slow stream before it is sent;
    /// batches are otherwise full (<see cref="RequestLimits.MaxItemsPerCall"/>) but for the last.
    /// </summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan BatchLinger { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Told the counts after every change (a progress bar, a log line).</summary>
    /// <value>The default value is <see langword="null"/>: nothing is told.</value>
    public IProgress<RunProgress>? Progress { get; set; }

    /// <summary>
    /// Where accepted batches are recorded and found again, so a run that stops can be resumed
    /// without submitting an input twice.
    /// </summary>
    /// <value>The default value is <see langword="null"/>: nothing is recorded.</value>
    public RunJournal? Journal { get; set; }

    /// <summary>The clock pauses are measured with (tests pass a fake one).</summary>
    /// <value>The default value is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate() => _ = RequestTimeoutSeconds();

    /// <summary>The request timeout as the API's whole seconds, after checking every option.</summary>
    internal int? RequestTimeoutSeconds()
    {
        var seconds = Guard.TimeoutSeconds(RequestTimeout, RequestLimits.MaxBatchTimeout, nameof(RequestTimeout));
#pragma warning disable CS0618 // still checked and sent when a caller sets it
        Guard.NotificationGroup(NotificationGroup, nameof(NotificationGroup));
#pragma warning restore CS0618
        Guard.Priority(Priority, nameof(Priority));
        Guard.Defined(OnAmbiguous, nameof(OnAmbiguous));

        if (MaxInFlight < RequestLimits.MaxItemsPerCall)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInFlight), MaxInFlight, $"At least {RequestLimits.MaxItemsPerCall} inputs (one full batch) must fit in flight.");
        }

        Guard.Polling(MaxConcurrentCalls, FirstPollDelay, MaxPollInterval, TimeProvider);
        if (BatchLinger < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(BatchLinger), BatchLinger, "The batch linger must not be negative.");
        }

        return seconds;
    }
}
