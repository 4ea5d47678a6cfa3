using System.Threading.RateLimiting;

namespace UbiOps.Emulator.Http;

/// <summary>
/// One address's fixed window: when it started, and the limiter that counts its calls. Windows
/// follow each other from the address's first call; the permits come back the moment one ends.
/// </summary>
/// <remarks>
/// The limiter is ASP.NET Core's fixed-window limiter, replenished by hand, with a window of one
/// tick so that it never refuses to: a limiter on its own timer turns up to a timer tick late, and a
/// little later every window, so the reset the headers tell would drift from the real one.
/// </remarks>
internal sealed class AddressWindow(RateLimitOptions options, DateTimeOffset firstCall) : IDisposable
{
    private readonly object _gate = new();
    private DateTimeOffset _start = firstCall;

    /// <summary>Counts the calls of the current window.</summary>
    public FixedWindowRateLimiter Limiter { get; } = new(new FixedWindowRateLimiterOptions
    {
        PermitLimit = options.PermitLimit,
        Window = TimeSpan.FromTicks(1),
        QueueLimit = 0,
        AutoReplenishment = false,
    });

    /// <summary>Restores the permits if the window has ended, and moves on to the window <paramref name="now"/> is in.</summary>
    public void TurnIfDue(DateTimeOffset now)
    {
        lock (_gate)
        {
            var elapsed = now - _start;
            if (elapsed < options.Window)
            {
                return;
            }

            _start += options.Window * (elapsed.Ticks / options.Window.Ticks);
            Limiter.TryReplenish();
        }
    }

    /// <summary>How long until the current window ends.</summary>
    public TimeSpan UntilReset(DateTimeOffset now)
    {
        lock (_gate)
        {
            var left = _start + options.Window - now;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public void Dispose() => Limiter.Dispose();
}
