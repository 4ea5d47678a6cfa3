using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace UbiOps.Emulator.Http;

/// <summary>
/// The real service's rate limit with ASP.NET Core's rate limiter: a fixed window per remote address
/// on API calls. Answers carry <c>x-ratelimit-limit</c>, <c>x-ratelimit-remaining</c> and
/// <c>x-ratelimit-reset</c> (seconds until the window resets); over the limit, 429 <c>{"error"}</c>.
/// </summary>
internal sealed class RateLimiting(RateLimitOptions options, TimeProvider time)
{
    // When each address's window started: recorded when the limiter for the address is created
    // (the rate limiter itself does not tell), so the reset header can be computed.
    private readonly ConcurrentDictionary<string, DateTimeOffset> _windowStarts = new(StringComparer.Ordinal);

    public PartitionedRateLimiter<HttpContext> Limiter { get; private set; } = null!;

    public void Configure(RateLimiterOptions limiter)
    {
        Limiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (!ApiPaths.IsApi(context.Request.Path))
            {
                return RateLimitPartition.GetNoLimiter("not-api");
            }

            return RateLimitPartition.GetFixedWindowLimiter(Address(context), key =>
            {
                _windowStarts[key] = time.GetUtcNow();
                return new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = options.Window, QueueLimit = 0 };
            });
        });
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

    private long SetHeaders(HttpContext context, long remaining)
    {
        var headers = context.Response.Headers;
        var reset = SecondsUntilReset(Address(context));
        headers["x-ratelimit-limit"] = options.PermitLimit.ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-remaining"] = Math.Max(0, remaining).ToString(CultureInfo.InvariantCulture);
        headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return reset;
    }

    private long SecondsUntilReset(string address)
    {
        if (!_windowStarts.TryGetValue(address, out var start))
        {
            return (long)Math.Ceiling(options.Window.TotalSeconds);
        }

        var elapsed = (time.GetUtcNow() - start).Ticks % options.Window.Ticks;
        return Math.Max(1, (long)Math.Ceiling(TimeSpan.FromTicks(options.Window.Ticks - elapsed).TotalSeconds));
    }

    private static string Address(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static string Describe(TimeSpan window) =>
        window == TimeSpan.FromMinutes(1) ? "minute" : window == TimeSpan.FromSeconds(1) ? "second" : window == TimeSpan.FromHours(1) ? "hour" : $"{window.TotalSeconds} seconds";
}
