namespace UbiOps.Client;

/// <summary>
/// The headers that may appear in logs. Everything else, <c>Authorization</c> first of all, is
/// left out: an allow-list cannot leak a header nobody thought of.
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
        RateLimitHeaders.Limit,
        RateLimitHeaders.Remaining,
        RateLimitHeaders.Reset,
    };

    /// <summary>Whether a header's value may be logged.</summary>
    public static bool IsAllowed(string headerName) => Allowed.Contains(headerName);

    /// <summary>The allowed headers of an answer as <c>Name: value</c> pairs; the others are left out entirely.</summary>
    public static string Format(HttpResponseMessage response)
    {
        var headers = response.Headers.Concat(response.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>());
        return string.Join("; ", headers
            .Where(h => IsAllowed(h.Key))
            .Select(h => $"{h.Key}: {string.Join(", ", h.Value)}"));
    }
}
