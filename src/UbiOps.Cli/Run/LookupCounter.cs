using System.Diagnostics.Metrics;
using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// Counts, from the client's own meter, the lost answers a run looked up on the server and the
/// calls that cost, for the run's summary line. (The meter is process-wide: one command per process.)
/// </summary>
internal sealed class LookupCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _created, _notCreated, _undecided, _calls;

    public LookupCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == UbiOpsDiagnostics.MeterName &&
                instrument.Name is var name && (name == UbiOpsMetrics.Names.Reconciliations || name == UbiOpsMetrics.Names.ReconciliationCalls))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == UbiOpsMetrics.Names.ReconciliationCalls)
            {
                Interlocked.Add(ref _calls, value);
                return;
            }

            foreach (var tag in tags)
            {
                switch (tag)
                {
                    case { Key: UbiOpsMetrics.Reconciled.Tag, Value: UbiOpsMetrics.Reconciled.Created }:
                        Interlocked.Add(ref _created, value);
                        break;
                    case { Key: UbiOpsMetrics.Reconciled.Tag, Value: UbiOpsMetrics.Reconciled.NotCreated }:
                        Interlocked.Add(ref _notCreated, value);
                        break;
                    case { Key: UbiOpsMetrics.Reconciled.Tag }:
                        Interlocked.Add(ref _undecided, value);
                        break;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The lost answers looked up so far.</summary>
    public long Lookups => Interlocked.Read(ref _created) + Interlocked.Read(ref _notCreated) + Interlocked.Read(ref _undecided);

    /// <summary>The calls those look-ups cost.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>E.g. " 3 lost answers looked up on the server (2 found, 1 sent again; 11 calls)."; empty when there were none.</summary>
    public string Describe()
    {
        var lookups = Lookups;
        if (lookups == 0)
        {
            return "";
        }

        var undecided = Interlocked.Read(ref _undecided);
        return $" {lookups} lost answer(s) looked up on the server ({Interlocked.Read(ref _created)} found, {Interlocked.Read(ref _notCreated)} sent again" +
               (undecided > 0 ? $", {undecided} undecided" : "") + $"; {Calls} calls).";
    }

    public void Dispose() => _listener.Dispose();
}
