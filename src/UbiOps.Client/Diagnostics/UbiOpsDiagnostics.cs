using System.Diagnostics;

namespace UbiOps.Client;

/// <summary>
/// The names under which the client reports what it does: subscribe to the activity source (for
/// example with OpenTelemetry's <c>AddSource</c>) and filter logs by category.
/// </summary>
public static class UbiOpsDiagnostics
{
    /// <summary>
    /// The name of the <see cref="System.Diagnostics.ActivitySource"/> that starts one activity per
    /// HTTP attempt, tagged with the method, path, status and operation.
    /// </summary>
    public const string ActivitySourceName = "UbiOps.Client";

    /// <summary>
    /// The name of the <see cref="System.Diagnostics.Metrics.Meter"/> that counts HTTP calls by
    /// operation, 429 answers, waits for the rate-limit window (and their duration), and the inputs
    /// and requests of runs (submitted, rejected, finished by status). With OpenTelemetry:
    /// <c>AddMeter(UbiOpsDiagnostics.MeterName)</c>.
    /// </summary>
    public const string MeterName = "UbiOps.Client";

    /// <summary>The category of the client's log messages (one per HTTP attempt).</summary>
    public const string LoggerCategory = "UbiOps.Client.Http";

    /// <summary>The source of the client's activities.</summary>
    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(UbiOpsDiagnostics).Assembly.GetName().Version?.ToString());
}
