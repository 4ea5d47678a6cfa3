namespace UbiOps.Client;

/// <summary>
/// How the client waits for requests to finish: it polls with collect calls (at most
/// <see cref="RequestLimits.MaxItemsPerCall"/> ids each), starting at <see cref="InitialInterval"/> and
/// growing by <see cref="BackoffFactor"/> up to <see cref="MaxInterval"/>.
/// </summary>
public sealed class WaitOptions
{
    /// <summary>The pause after the first poll; more than zero.</summary>
    /// <value>The default value is 1 second.</value>
    public TimeSpan InitialInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>What each pause is multiplied by for the next one; 1 or more (1 polls at a fixed interval).</summary>
    /// <value>The default value is 1.5.</value>
    public double BackoffFactor { get; set; } = 1.5;

    /// <summary>The longest pause between polls; at least <see cref="InitialInterval"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long to wait in all before a <see cref="TimeoutException"/>; <see langword="null"/> waits
    /// until every request finished or the token is cancelled.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>How many collect calls run at the same time; at least 1.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrency { get; set; } = BatchCreateOptions.DefaultMaxConcurrency;

    /// <summary>Told the counts after every poll (a progress bar, a log line).</summary>
    /// <value>The default value is <see langword="null"/>: nothing is told.</value>
    public IProgress<WaitProgress>? Progress { get; set; }

    /// <summary>The clock the pauses and the timeout are measured with (tests pass a fake one).</summary>
    /// <value>The default value is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (InitialInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(InitialInterval), InitialInterval, "The poll interval must be more than zero.");
        }

        if (double.IsNaN(BackoffFactor) || BackoffFactor < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffFactor), BackoffFactor, "The backoff factor must be 1 or more.");
        }

        if (MaxInterval < InitialInterval)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxInterval), MaxInterval, $"The longest poll interval must be at least {nameof(InitialInterval)} ({InitialInterval}).");
        }

        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The wait timeout must be more than zero.");
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxConcurrency), MaxConcurrency, "At least one collect call must be allowed at a time.");
        }

        if (TimeProvider is null)
        {
            throw new ArgumentNullException(nameof(TimeProvider));
        }
    }
}
