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

    /// <summary>The names of the instruments of the <see cref="MeterName"/> meter.</summary>
    public static class Instruments
    {
        /// <summary>HTTP attempts sent, tagged with the operation and the answer's status code (or the error).</summary>
        public const string HttpCalls = "ubiops.client.http.calls";

        /// <summary>Answers 429 Too Many Requests.</summary>
        public const string Throttled = "ubiops.client.http.throttled";

        /// <summary>Waits for the rate-limit window before a call.</summary>
        public const string RateLimitWaits = "ubiops.client.rate_limit.waits";

        /// <summary>How long those waits took, in seconds.</summary>
        public const string RateLimitWaitDuration = "ubiops.client.rate_limit.wait_duration";

        /// <summary>Inputs of runs that the server accepted.</summary>
        public const string InputsSubmitted = "ubiops.client.run.inputs_submitted";

        /// <summary>Inputs of runs that the server refused.</summary>
        public const string InputsRejected = "ubiops.client.run.inputs_rejected";

        /// <summary>Requests of runs that finished, tagged with their status.</summary>
        public const string RequestsFinished = "ubiops.client.run.requests_finished";

        /// <summary>Look-ups of a lost create's answer, tagged <see cref="Reconciled.Tag"/> with what they found.</summary>
        public const string Reconciliations = "ubiops.client.reconcile.reconciliations";

        /// <summary>The calls those look-ups made.</summary>
        public const string ReconciliationCalls = "ubiops.client.reconcile.calls";
    }

    /// <summary>The tag of <see cref="Instruments.Reconciliations"/> and its values: what a lost answer's look-up found.</summary>
    public static class Reconciled
    {
        /// <summary>The tag's name.</summary>
        public const string Tag = "result";

        /// <summary>The call made its requests; they were adopted.</summary>
        public const string Created = "created";

        /// <summary>The call made nothing; it was sent again.</summary>
        public const string NotCreated = "not_created";

        /// <summary>The records could not tell for some input.</summary>
        public const string Undecided = "undecided";
    }

    /// <summary>The source of the client's activities.</summary>
    internal static ActivitySource ActivitySource { get; } = new(ActivitySourceName, typeof(UbiOpsDiagnostics).Assembly.GetName().Version?.ToString());
}
