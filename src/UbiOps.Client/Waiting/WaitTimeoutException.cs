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

    /// <summary>
    /// The ids of the requests that had not finished when the timeout passed, in input order. In a
    /// <see cref="DeploymentScope.RunAsync(IEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>, inputs never submitted have no id and are not listed;
    /// requests that finished but were held back for input order are not listed either, and a batch
    /// still in flight at the timeout is reported through <see cref="RunOptions.OnSubmitted"/> only
    /// (which, with the outcomes yielded, tells every request still to be read).
    /// </summary>
    public IReadOnlyList<string> UnfinishedRequestIds { get; }
}
