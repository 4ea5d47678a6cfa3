namespace UbiOps.Client;

/// <summary>
/// The headers whose values may appear in logs. Everything else, <c>Authorization</c> first of
/// all, is redacted: an allow-list cannot leak a header nobody thought of.
/// </summary>
internal static class LoggedHeaders
{
    private static readonly HashSet<string> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        "Accept",
        "Content-Type",
        "Content-Length",
        "User-Agent",
        "Date",
        "Retry-After",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
        "x-ratelimit-reset",
    };

    /// <summary>Whether a header's value must be hidden in logs.</summary>
    public static bool ShouldRedact(string headerName) => !Allowed.Contains(headerName);
}
