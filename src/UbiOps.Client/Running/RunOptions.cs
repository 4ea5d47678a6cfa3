namespace UbiOps.Client;

/// <summary>How <see cref="DeploymentScope.RunAsync(IEnumerable{RequestInput}, RunOptions?, CancellationToken)"/> submits inputs and waits for their results.</summary>
public sealed class RunOptions
{
    /// <summary>How the inputs are submitted as batch requests.</summary>
    /// <value>The default value is <see langword="null"/>: the defaults of <see cref="BatchCreateOptions"/>.</value>
    public BatchCreateOptions? Submit { get; set; }

    /// <summary>How the results are waited for.</summary>
    /// <value>The default value is <see langword="null"/>: the defaults of <see cref="WaitOptions"/>.</value>
    public WaitOptions? Wait { get; set; }

    /// <summary>
    /// Told each batch of requests as soon as the server accepted it (the input positions and their
    /// request ids, in input order), and awaited before any of those requests is polled: record them
    /// here (a state file, a database) and a run that stops early — cancelled, broken off, timed out,
    /// a failed poll or a failed batch call — can be resumed without submitting any input twice.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Called once for every batch the server accepts, also for a batch call that was in flight when
    /// the run stopped (the run ends only after such calls have been answered and reported). Calls
    /// are never concurrent, but batches may be reported out of input order when
    /// <see cref="BatchCreateOptions.MaxConcurrency"/> is more than 1.
    /// </para>
    /// <para>
    /// An exception thrown here ends the run: no further batch is submitted, the wait stops, and the
    /// enumeration throws that exception (unless the run had already ended for another reason).
    /// Batches that were in flight are still reported to this callback.
    /// </para>
    /// <para>
    /// A delegate returning a <see cref="ValueTask"/> rather than an <see cref="IProgress{T}"/>:
    /// a progress report is fire-and-forget (and <see cref="Progress{T}"/> posts it to a
    /// synchronization context), so the run could poll, and stop, before the ids are recorded. No
    /// <see cref="CancellationToken"/> is passed: the requests exist once this is called, and the
    /// run's token may already be cancelled for a batch that was in flight; a callback that honoured
    /// it would drop exactly the ids a resume needs. Capture your own token if recording can hang.
    /// </para>
    /// </remarks>
    /// <value>The default value is <see langword="null"/>: nothing is told.</value>
    public Func<IReadOnlyList<SubmittedRequest>, ValueTask>? OnSubmitted { get; set; }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Submit?.Validate();
        Wait?.Validate();
    }
}
