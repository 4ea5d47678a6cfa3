using System.Globalization;
using System.Net;

namespace UbiOps.Client;

/// <summary>
/// How long a <c>429</c> or <c>503</c> answer asks the client to wait, from <c>Retry-After</c>
/// (seconds or an HTTP date) and <c>x-ratelimit-reset</c> (seconds until the rate-limit window resets).
/// </summary>
internal static class ServerRequestedDelay
{
    /// <summary>Whether the status is one whose wait headers are honoured.</summary>
    public static bool AppliesTo(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable;

    /// <summary>
    /// The wait the answer asks for (the longer one when both headers are present), or
    /// <see langword="null"/> when it asks for none.
    /// </summary>
    public static TimeSpan? From(HttpResponseMessage response, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!AppliesTo(response.StatusCode))
        {
            return null;
        }

        var retryAfter = FromRetryAfter(response, timeProvider);
        var reset = RateLimitHeaders.Seconds(response);
        return (retryAfter, reset) switch
        {
            (null, null) => null,
            ({ } a, null) => a,
            (null, { } b) => b,
            ({ } a, { } b) => a > b ? a : b,
        };
    }

    private static TimeSpan? FromRetryAfter(HttpResponseMessage response, TimeProvider timeProvider)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - timeProvider.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
