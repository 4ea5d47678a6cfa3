using System.Globalization;

namespace UbiOps.Emulator;

/// <summary>
/// A fault the emulator can inject into an API call. The first four happen before the call is
/// handled (nothing is stored or run, so a client may always retry them); the <c>AfterCommit</c>
/// ones happen after the call was carried out and stored, so only the answer is lost: the
/// ambiguous failures a client must reconcile rather than repeat.
/// </summary>
public enum FaultKind
{
    /// <summary><c>429</c>: answered 429 Too Many Requests with <c>Retry-After: 1</c>, before handling.</summary>
    TooManyRequests,

    /// <summary><c>500</c>: answered 500 Internal Server Error, before handling.</summary>
    InternalError,

    /// <summary><c>503</c>: answered 503 Service Unavailable with <c>Retry-After: 1</c>, before handling.</summary>
    Unavailable,

    /// <summary><c>drop</c>: the connection is closed without an answer, before handling.</summary>
    Drop,

    /// <summary><c>500-after</c>: the call is carried out and stored, then answered 500.</summary>
    InternalErrorAfterCommit,

    /// <summary><c>502-after</c>: the call is carried out and stored, then answered 502 Bad Gateway (as a proxy would).</summary>
    BadGatewayAfterCommit,

    /// <summary><c>504-after</c>: the call is carried out and stored, then answered 504 Gateway Timeout (as a proxy would).</summary>
    GatewayTimeoutAfterCommit,

    /// <summary><c>drop-after</c>: the call is carried out and stored, then the connection is closed without an answer.</summary>
    DropAfterCommit,

    /// <summary>
    /// <c>delay-after</c>: the call is carried out and stored, then its answer is held back (past a
    /// client's timeout) before it is sent.
    /// </summary>
    DelayAfterCommit,
}

/// <summary>The names of the fault kinds, as <c>--faults</c> and the fault header spell them: their one home.</summary>
internal static class FaultKinds
{
    private static readonly (FaultKind Kind, string Name)[] Names =
    [
        (FaultKind.TooManyRequests, "429"),
        (FaultKind.InternalError, "500"),
        (FaultKind.Unavailable, "503"),
        (FaultKind.Drop, "drop"),
        (FaultKind.InternalErrorAfterCommit, "500-after"),
        (FaultKind.BadGatewayAfterCommit, "502-after"),
        (FaultKind.GatewayTimeoutAfterCommit, "504-after"),
        (FaultKind.DropAfterCommit, "drop-after"),
        (FaultKind.DelayAfterCommit, "delay-after"),
    ];

    /// <summary>Every name, for error messages: <c>429, 500, …</c>.</summary>
    public static string All => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>How long a delay-after fault holds the answer back unless told otherwise: past the client's usual 30 s call timeout.</summary>
    public static readonly TimeSpan DefaultDelayAfterCommit = TimeSpan.FromSeconds(30);

    public static bool TryParse(string name, out FaultKind kind)
    {
        foreach (var (candidate, text) in Names)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Whether the fault comes after the call was carried out (only its answer is lost).</summary>
    public static bool IsAfterCommit(this FaultKind kind) => kind >= FaultKind.InternalErrorAfterCommit;

    /// <summary>A duration such as <c>200ms</c>, <c>5s</c> or <c>1.5s</c>.</summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        var ok = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0;
        duration = ok ? TimeSpan.FromMilliseconds(value * scale) : default;
        return ok;
    }
}
