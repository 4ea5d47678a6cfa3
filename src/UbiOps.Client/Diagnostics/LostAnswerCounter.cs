using System.Diagnostics.Metrics;

namespace UbiOps.Client;

/// <summary>
/// Counts, from the client's meter (<see cref="UbiOpsDiagnostics.MeterName"/>), the lost answers
/// looked up on the server while it is alive, by what they found, and the calls they made: for a
/// run's summary. The meter is process-wide, so it counts the look-ups of every client in the process.
/// </summary>
public sealed class LostAnswerCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _created, _notCreated, _undecided, _calls;

    /// <summary>Starts counting.</summary>
    public LostAnswerCounter()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == UbiOpsDiagnostics.MeterName &&
                instrument.Name is var name && (name == UbiOpsDiagnostics.Instruments.Reconciliations || name == UbiOpsDiagnostics.Instruments.ReconciliationCalls))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == UbiOpsDiagnostics.Instruments.ReconciliationCalls)
            {
                Interlocked.Add(ref _calls, value);
                return;
            }

            foreach (var tag in tags)
            {
                switch (tag)
                {
                    case { Key: UbiOpsDiagnostics.Reconciled.Tag, Value: UbiOpsDiagnostics.Reconciled.Created }:
                        Interlocked.Add(ref _created, value);
                        break;
                    case { Key: UbiOpsDiagnostics.Reconciled.Tag, Value: UbiOpsDiagnostics.Reconciled.NotCreated }:
                        Interlocked.Add(ref _notCreated, value);
                        break;
                    case { Key: UbiOpsDiagnostics.Reconciled.Tag }:
                        Interlocked.Add(ref _undecided, value);
                        break;
                }
            }
        });
        _listener.Start();
    }

    /// <summary>The look-ups that found the call's requests (they were adopted).</summary>
    public long Found => Interlocked.Read(ref _created);

    /// <summary>The look-ups that proved the call made nothing (it was sent again).</summary>
    public long NotMade => Interlocked.Read(ref _notCreated);

    /// <summary>The look-ups whose records could not tell for some input.</summary>
    public long Undecided => Interlocked.Read(ref _undecided);

    /// <summary>The lost answers looked up so far.</summary>
    public long Lookups => Found + NotMade + Undecided;

    /// <summary>The calls those look-ups cost.</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Stops counting.</summary>
    public void Dispose() => _listener.Dispose();
}
