using System.Globalization;

namespace UbiOps.Client;

/// <summary>
/// How long one attempt and one whole call may take, sized from what the call does. A direct
/// create waits for the model, so its attempt lasts its own <c>timeout</c> query parameter plus a
/// margin, rather than a generic HTTP timeout.
/// </summary>
internal static class RequestTimeouts
{
    /// <summary>How long one attempt of the call may take.</summary>
    public static TimeSpan Attempt(HttpRequestMessage? request, UbiOpsResilienceOptions options) =>
        Attempt(RequestClassifier.Classify(request), request?.RequestUri, options);

    /// <summary>
    /// How long the whole call may take: <see cref="UbiOpsResilienceOptions.TotalTimeout"/>, plus
    /// the attempt's own timeout for creates (whose one full attempt is not retried).
    /// </summary>
    public static TimeSpan Total(HttpRequestMessage? request, UbiOpsResilienceOptions options)
    {
        var kind = RequestClassifier.Classify(request);
        return kind is ApiOperation.DirectCreate or ApiOperation.BatchCreate
            ? options.TotalTimeout + Attempt(kind, request?.RequestUri, options)
            : options.TotalTimeout;
    }

    private static TimeSpan Attempt(ApiOperation kind, Uri? uri, UbiOpsResilienceOptions options) => kind switch
    {
        ApiOperation.DirectCreate => DirectRequestTimeout(uri) + options.DirectRequestTimeoutMargin,
        ApiOperation.BatchCreate => options.BatchCreateTimeout,
        _ => options.AttemptTimeout,
    };

    /// <summary>
    /// The direct request's <c>timeout</c> query parameter, clamped to what the server accepts;
    /// the server's default when it is absent or not a number.
    /// </summary>
    public static TimeSpan DirectRequestTimeout(Uri? uri)
    {
        var query = uri is null ? string.Empty
            : uri.IsAbsoluteUri ? uri.Query
            : uri.OriginalString.Contains('?', StringComparison.Ordinal) ? uri.OriginalString[uri.OriginalString.IndexOf('?', StringComparison.Ordinal)..]
            : string.Empty;

        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length == 2 && parts[0] == "timeout" &&
                int.TryParse(Uri.UnescapeDataString(parts[1]), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
            {
                var timeout = TimeSpan.FromSeconds(Math.Max(seconds, 1));
                return timeout > RequestLimits.MaxDirectTimeout ? RequestLimits.MaxDirectTimeout : timeout;
            }
        }

        return RequestLimits.DefaultDirectTimeout;
    }
}
