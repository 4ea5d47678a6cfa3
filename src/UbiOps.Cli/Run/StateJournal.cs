using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// The run engine's journal over the state file: each batch's intent goes to it before the batch
/// is sent, and each accepted batch (with each input's fingerprint) before it is polled; a resumed
/// run's open intents, and the requests just before them, come from the earlier run's record.
/// </summary>
internal sealed class StateJournal(RunStateFile state, Func<long, string> fingerprintOf, RunRecord? earlier) : RunJournal
{
    /// <inheritdoc />
    /// <remarks>
    /// Accepted requests without a line reach the engine as known items too; those with a line are
    /// found here only if they came just before the first input without one (the engine asks about
    /// them to tell them from an open intent's).
    /// </remarks>
    public override string? FindRequest(long index) =>
        earlier?.Accepted.TryGetValue(index, out var accepted) == true ? accepted.Id
        : earlier?.Neighbors.TryGetValue(index, out var neighbor) == true ? neighbor.Id
        : null;

    public override BatchIntent? FindIntent(long index) =>
        earlier?.Intents.TryGetValue(index, out var intent) == true ? intent.Intent : null;

    public override async ValueTask BatchSendingAsync(BatchIntent intent) =>
        await state.AppendSendingAsync(intent.Indices.Select(i => (i, fingerprintOf(i))), intent.SentAt);

    public override async ValueTask BatchRefusedAsync(BatchIntent intent) =>
        await state.AppendRefusedAsync(intent.Indices);

    public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch) =>
        await state.AppendAcceptedAsync(batch.Requests.Select(r => (r.Index, r.RequestId, fingerprintOf(r.Index))));
}
