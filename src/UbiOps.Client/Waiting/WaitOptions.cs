namespace UbiOps.Client;

/// <summary>
/// How to wait for requests: polls with collect calls of at most
/// <see cref="RequestLimits.MaxItemsPerCall"/> ids, timed from how fast the requests finish.
/// </summary>
public sealed class WaitOptions
{
    /// <summary>
    /// How long to wait in all before a <see cref="WaitTimeoutException"/>; <see langword="null"/>
    /// waits until every request finished or the token is cancelled.
    /// </summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public TimeSpan? Timeout { get; set; }

    /// <summary>
    /// How long after the wait starts the first poll is made; until a request has finished, each
    /// further pause doubles. More than zero.
    /// </summary>
    /// <value>The default value is 100 milliseconds.</value>
    public TimeSpan FirstPollDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest pause between polls, however slowly requests finish; at least <see cref="FirstPollDelay"/>.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many collect calls may be in flight at once; at least 1.</summary>
    /// <value>The default value is 4.</value>
    public int MaxConcurrentCalls { get; set; } = 4;

    /// <summary>Told the counts after every poll (a progress bar, a log line).</summary>
    /// <value>The default value is <see langword="null"/>: nothing is told.</value>
    public IProgress<RunProgress>? Progress { get; set; }

    /// <summary>The clock the pauses and the timeout are measured with (tests pass a fake one).</summary>
    /// <value>The default value is <see cref="System.TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (Timeout is { } timeout && timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), timeout, "The wait timeout must be more than zero.");
        }

        Guard.Polling(MaxConcurrentCalls, FirstPollDelay, MaxPollInterval, TimeProvider);
    }
}
