using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace UbiOps.Client;

/// <summary>
/// The client's meter (<see cref="UbiOpsDiagnostics.MeterName"/>): what a long run did, for
/// OpenTelemetry (<c>AddMeter("UbiOps.Client")</c>) or any <see cref="MeterListener"/>.
/// </summary>
internal static class UbiOpsMetrics
{
    private static readonly Meter Meter = new(UbiOpsDiagnostics.MeterName, typeof(UbiOpsMetrics).Assembly.GetName().Version?.ToString());

    /// <summary>HTTP attempts sent, tagged with the operation and the answer's status code (or the error).</summary>
    public static readonly Counter<long> HttpCalls = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.HttpCalls, "{call}", "HTTP calls (attempts) sent to the API.");

    /// <summary>Answers 429: the server's rate limit was exceeded.</summary>
    public static readonly Counter<long> Throttled = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.Throttled, "{answer}", "Answers 429 Too Many Requests.");

    /// <summary>Times a call waited for the rate-limit window to reset instead of being sent.</summary>
    public static readonly Counter<long> RateLimitWaits = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.RateLimitWaits, "{wait}", "Calls held until the rate-limit window reset.");

    /// <summary>How long calls waited for the rate-limit window.</summary>
    public static readonly Histogram<double> RateLimitWaitDuration = Meter.CreateHistogram<double>(
        UbiOpsDiagnostics.Instruments.RateLimitWaitDuration, "s", "Time a call waited for the rate-limit window.");

    /// <summary>Inputs a run submitted that the server accepted as requests.</summary>
    public static readonly Counter<long> InputsSubmitted = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.InputsSubmitted, "{input}", "Inputs accepted as batch requests.");

    /// <summary>Inputs the API refused (each named by the rejection of its batch).</summary>
    public static readonly Counter<long> InputsRejected = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.InputsRejected, "{input}", "Inputs the API refused to accept.");

    /// <summary>Requests a run or wait saw finish, tagged with their status.</summary>
    public static readonly Counter<long> RequestsFinished = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.RequestsFinished, "{request}", "Requests seen in a terminal status.");

    /// <summary>Creates whose answer was lost, looked up on the server, tagged with what was found.</summary>
    public static readonly Counter<long> Reconciliations = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.Reconciliations, "{reconciliation}", "Creates whose answer was lost, looked up on the server.");

    /// <summary>The calls (lists and collects) that looking up lost answers cost.</summary>
    public static readonly Counter<long> ReconciliationCalls = Meter.CreateCounter<long>(
        UbiOpsDiagnostics.Instruments.ReconciliationCalls, "{call}", "Calls made to find out whether a create whose answer was lost made its requests.");

    public static void RecordReconciliation(string result) =>
        Reconciliations.Add(1, new KeyValuePair<string, object?>(UbiOpsDiagnostics.Reconciled.Tag, result));

    public static void RecordRateLimitWait(TimeSpan waited)
    {
        RateLimitWaits.Add(1);
        RateLimitWaitDuration.Record(waited.TotalSeconds);
    }

    public static void RecordFinished(RequestStatus status) =>
        RequestsFinished.Add(1, new KeyValuePair<string, object?>("status", status.Value));

    public static void RecordCall(string operation, string outcome) =>
        HttpCalls.Add(1, new TagList { { "operation", operation }, { "outcome", outcome } });
}
