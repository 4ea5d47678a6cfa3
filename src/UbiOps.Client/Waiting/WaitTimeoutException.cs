namespace UbiOps.Client;

/// <summary>
/// A wait's overall timeout (<see cref="WaitOptions.Timeout"/>) passed before every request finished.
/// <see cref="UnfinishedRequestIds"/> names the requests still running, so they can be waited for
/// again (or cancelled) rather than submitted a second time.
/// </summary>
public sealed class WaitTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What timed out.</param>
    /// <param name="unfinishedRequestIds">The ids of the requests that had not finished, in input order.</param>
    public WaitTimeoutException(string message, IReadOnlyList<string> unfinishedRequestIds)
        : base(message)
    {
        ArgumentNullException.ThrowIfNull(unfinishedRequestIds);
        UnfinishedRequestIds = unfinishedRequestIds;
    }

    /// <summary>The ids of the requests that had not finished when the timeout passed, in the order they were given.</summary>
    public IReadOnlyList<string> UnfinishedRequestIds { get; }
}
