using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace UbiOps.Client.Tests.Support;

/// <summary>
/// Every measurement of the client's meter (<see cref="UbiOpsDiagnostics.MeterName"/>) while it is
/// alive, read the way an OpenTelemetry exporter would: by instrument name and tags. The meter is
/// process-wide, so fixtures that use this are <c>[NonParallelizable]</c>.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measured = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == UbiOpsDiagnostics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>One measurement: the instrument, the value and its tags as strings.</summary>
    public sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

    /// <summary>Everything measured so far.</summary>
    public IReadOnlyList<Measured> All => _measured.ToArray();

    /// <summary>The sum of the measurements of <paramref name="instrument"/> that carry every given tag.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Matching(instrument, tags).Sum(m => m.Value);

    /// <summary>How many measurements of <paramref name="instrument"/> carry every given tag.</summary>
    public int Count(string instrument, params (string Key, string Value)[] tags) =>
        Matching(instrument, tags).Count();

    public void Dispose() => _listener.Dispose();

    private IEnumerable<Measured> Matching(string instrument, (string Key, string Value)[] tags) =>
        _measured.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.TryGetValue(t.Key, out var v) && v == t.Value));

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copied[tag.Key] = tag.Value?.ToString();
        }

        _measured.Enqueue(new Measured(instrument.Name, value, copied));
    }
}
