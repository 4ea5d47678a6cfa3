using System.Globalization;
using Microsoft.AspNetCore.RateLimiting;

namespace UbiOps.Emulator.Http;

/// <summary>
/// The real service's rate limit with ASP.NET Core's rate limiter: a fixed window per remote address
/// on API calls. Answers carry <c>x-ratelimit-limit</c>, <c>x-ratelimit-remaining</c> and
/// <c>x-ratelimit-reset</c> (seconds until the window resets); over the limit, 429 <c>{"error"}</c>
/// with <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// Each address's window is turned on the emulator's clock (<see cref="AddressRateLimiter"/>), not by the limiter's own
/// timer (which turns up to a tick late and drifts): so the reset the headers announce is exactly
/// when calls are let through again, and a client that waits for it is never refused.
/// </remarks>
internal sealed class RateLimiting(RateLimitOptions options, TimeProvider time)
{
    public AddressRateLimiter Limiter { get; } = new(options, time);

    public void Configure(RateLimiterOptions limiter)
    {
        limiter.GlobalLimiter = Limiter;
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (rejected, _) =>
        {
            var context = rejected.HttpContext;
            var reset = SetHeaders(context, remaining: 0);
            context.Response.Headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            await JsonResponse.WriteAsync(context.Response,
                new Client.ErrorResponse { Error = $"Request was throttled: the limit is {options.PermitLimit} requests per {Describe(options.Window)}. Try again in {reset} seconds." },
                StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
        };
    }

    /// <summary>Middleware after the limiter: headers on answers that were let through.</summary>
    public Task AddHeadersAsync(HttpContext context, RequestDelegate next)
    {
        if (ApiPaths.IsApi(context.Request.Path))
        {
            SetHeaders(context, Limiter.GetStatistics(context)?.CurrentAvailablePermits ?? 0);
        }

        return next(context);
    }

    /// <summary>Whole seconds until the window of <paramref name="address"/> turns, rounded up (at least 1).</summary>
    internal long SecondsUntilReset(string address)
    {
        var left = Limiter.Find(address) is { } window ? window.UntilReset(time.GetUtcNow()) : options.Window;
        return Math.Max(1, (long)Math.Ceiling(left.TotalSeconds));
    }

    private long SetHeaders(HttpContext context, long remaining)
    {
        var headers = context.Response.Headers;
        var reset = SecondsUntilReset(AddressRateLimiter.AddressOf(context));
        headers[RateLimitHeaders.Limit] = options.PermitLimit.ToString(CultureInfo.InvariantCulture);
        headers[RateLimitHeaders.Remaining] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers[RateLimitHeaders.Reset] = reset.ToString(CultureInfo.InvariantCulture);
        return reset;
    }

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute" : window == TimeSpan.FromSeconds(1) ? "second" : window == TimeSpan.FromHours(1) ? "hour" : $"{window.TotalSeconds} seconds";
}
