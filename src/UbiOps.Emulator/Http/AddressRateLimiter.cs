using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace UbiOps.Emulator.Http;

/// <summary>
/// The limiter ASP.NET Core's rate-limiting middleware asks for every call: API calls count against
/// their remote address's <see cref="AddressWindow"/>, turned on the emulator's clock before each
/// call is counted; other paths (docs) are not limited.
/// </summary>
internal sealed class AddressRateLimiter(RateLimitOptions options, TimeProvider time) : PartitionedRateLimiter<HttpContext>
{
    private static readonly RateLimiter Unlimited = RateLimitPartition.GetNoLimiter("not-api").Factory("not-api");

    private readonly ConcurrentDictionary<string, AddressWindow> _windows = new(StringComparer.Ordinal);

    /// <summary>The window of <paramref name="address"/>, turned first if its time is up.</summary>
    public AddressWindow WindowOf(string address)
    {
        var now = time.GetUtcNow();
        var window = _windows.GetOrAdd(address, static (_, state) => new AddressWindow(state.options, state.now), (options, now));
        window.TurnIfDue(now);
        return window;
    }

    /// <summary>The window of <paramref name="address"/> if it has made a call.</summary>
    public AddressWindow? Find(string address) => _windows.GetValueOrDefault(address);

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => LimiterFor(resource).GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) =>
        LimiterFor(resource).AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        LimiterFor(resource).AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var window in _windows.Values)
            {
                window.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private RateLimiter LimiterFor(HttpContext context) =>
        ApiPaths.IsApi(context.Request.Path) ? WindowOf(AddressOf(context)).Limiter : Unlimited;
}
