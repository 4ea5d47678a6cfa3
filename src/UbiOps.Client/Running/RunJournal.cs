namespace UbiOps.Client;

/// <summary>
/// Where a run keeps what it must not forget, so that a run that stops (cancelled, killed, a failed
/// call) can be run again without submitting any input twice. Derive from it to store batches in a
/// file or a database, and pass it as <see cref="RunOptions.Journal"/>.
/// </summary>
/// <remarks>
/// A resumed run reads the same inputs again: for each input the journal names a request for (see
/// <see cref="FindRequest"/>), the run waits for that request instead of creating one.
/// </remarks>
/// <example>
/// <code>
/// sealed class FileJournal(string path) : RunJournal
/// {
///     private readonly Dictionary&lt;long, string&gt; _ids = Load(path);
///     public override string? FindRequest(long index) => _ids.GetValueOrDefault(index);
///     public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch) =>
///         await File.AppendAllLinesAsync(path, batch.Requests.Select(r => $"{r.Index} {r.RequestId}"));
/// }
/// </code>
/// </example>
public abstract class RunJournal
{
    /// <summary>
    /// The request an earlier run made for the input at <paramref name="index"/>, or
    /// <see langword="null"/> to submit the input. Called once per input, in input order.
    /// </summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <returns>The request id, or <see langword="null"/> (what the default implementation always returns).</returns>
    public virtual string? FindRequest(long index) => null;

    /// <summary>
    /// Told each batch as soon as the server accepted it, and awaited before any of its requests is
    /// polled: record it durably here. Called once per accepted batch, never concurrently, also for
    /// a batch that was in flight when the run stopped (the run ends only after such calls are
    /// answered and told).
    /// </summary>
    /// <remarks>
    /// An exception thrown here ends the run (after the calls in flight are answered and told), and
    /// the run throws it. No <see cref="CancellationToken"/> is passed: the requests exist once this
    /// is called, and a journal that gave up on a stop would lose exactly the ids a resume needs.
    /// </remarks>
    /// <param name="batch">The inputs and their request ids.</param>
    /// <returns>A task that completes when the batch is recorded.</returns>
    public virtual ValueTask BatchAcceptedAsync(AcceptedBatch batch) => default;
}
