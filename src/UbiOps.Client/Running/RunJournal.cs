namespace UbiOps.Client;

/// <summary>
/// Where a run keeps what it must not forget, so that a run that stops (cancelled, killed, a failed
/// call) can be run again without submitting any input twice. Derive from it to store batches in a
/// file or a database, and pass it as <see cref="RunOptions.Journal"/>.
/// </summary>
/// <remarks>
/// A resumed run reads the same inputs again: for each input the journal names a request for (see
/// <see cref="FindRequest"/>), the run waits for that request instead of creating one. An input of a
/// batch that was being sent when the run stopped (see <see cref="FindIntent"/>) is looked for on
/// the server first: adopted if its request exists, sent again only if it provably does not.
/// The record methods take no <see cref="CancellationToken"/> on purpose: a batch the server has
/// accepted must be recorded even while the run is being cancelled, or its ids would be lost and
/// its inputs sent again.
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
    /// How many inputs on either side of an earlier run's open intent are asked about with
    /// <see cref="FindRequest"/>: the batches a lost answer's time window can overlap, whose
    /// requests must never be taken for the intent's. A journal keeps at least these.
    /// </summary>
    public const int NeighborSpan = 16 * RequestLimits.MaxItemsPerCall;

    /// <summary>
    /// The request an earlier run made for the input at <paramref name="index"/>, or
    /// <see langword="null"/> to submit the input. Called once per input, in input order.
    /// </summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <returns>The request id, or <see langword="null"/> (what the default implementation always returns).</returns>
    public virtual string? FindRequest(long index) => null;

    /// <summary>
    /// The batch an earlier run was sending, with the input at <paramref name="index"/>, when it
    /// stopped: recorded by <see cref="BatchSendingAsync"/> and not followed by
    /// <see cref="BatchAcceptedAsync"/> for that input. Return the same intent for each of its inputs.
    /// </summary>
    /// <param name="index">The input's position in the run's inputs.</param>
    /// <returns>The intent, or <see langword="null"/> (what the default implementation always returns).</returns>
    public virtual BatchIntent? FindIntent(long index) => null;

    /// <summary>
    /// Told each batch just before it is sent (and again for a batch sent anew), and awaited: record
    /// it durably here to close the gap between the server accepting a batch and
    /// <see cref="BatchAcceptedAsync"/> recording it, in which a killed run would otherwise lose the
    /// requests' ids. A later intent or acceptance for the same inputs replaces it. Called never
    /// concurrently with itself or <see cref="BatchAcceptedAsync"/>.
    /// </summary>
    /// <param name="intent">The inputs about to be sent, and when.</param>
    /// <returns>A task that completes when the intent is recorded.</returns>
    public virtual ValueTask BatchSendingAsync(BatchIntent intent) => default;

    /// <summary>
    /// Told when the server refused a batch call outright (a 4xx for the call itself: an unknown
    /// deployment, a bad token), so that it made nothing: the intent recorded for it by
    /// <see cref="BatchSendingAsync"/> is void, and a resumed run need not look it up.
    /// </summary>
    /// <param name="intent">The intent of the refused call.</param>
    /// <returns>A task that completes when the refusal is recorded.</returns>
    public virtual ValueTask BatchRefusedAsync(BatchIntent intent) => default;

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
