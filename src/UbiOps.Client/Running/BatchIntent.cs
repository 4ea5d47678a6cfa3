namespace UbiOps.Client;

/// <summary>
/// A batch about to be sent: which inputs, and when. Recorded before the call (see
/// <see cref="RunJournal.BatchSendingAsync"/>) so that a run killed while the call was in flight
/// can find out, on resume, whether the server made the batch's requests instead of sending the
/// inputs again.
/// </summary>
/// <param name="Indices">The positions of the batch's inputs in the run's inputs, in increasing order.</param>
/// <param name="SentAt">When the call was sent, by the run's clock (UTC).</param>
public sealed record BatchIntent(IReadOnlyList<long> Indices, DateTimeOffset SentAt);
