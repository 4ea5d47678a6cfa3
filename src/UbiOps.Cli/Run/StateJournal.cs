using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// The run engine's journal over the state file: accepted batches go to it (with each input's
/// fingerprint) before they are polled, and a resumed run's accepted requests come from it.
/// </summary>
internal sealed class StateJournal(RunStateFile state, Func<long, string> fingerprintOf) : RunJournal
{
    public override async ValueTask BatchAcceptedAsync(AcceptedBatch batch) =>
        await state.AppendAcceptedAsync(batch.Requests.Select(r => (r.Index, r.RequestId, fingerprintOf(r.Index))));
}
