using System.Globalization;

namespace UbiOps.Client;

/// <summary>
/// The rate-limit headers the API sends on every answer, the one home of their names (the client
/// reads them, the emulator writes them).
/// </summary>
public static class RateLimitHeaders
{
    /// <summary><c>x-ratelimit-limit</c>: the calls allowed per window.</summary>
    public const string Limit = "x-ratelimit-limit";

    /// <summary><c>x-ratelimit-remaining</c>: the calls left in the current window.</summary>
    public const string Remaining = "x-ratelimit-remaining";

    /// <summary><c>x-ratelimit-reset</c>: the seconds until the window resets.</summary>
    public const string Reset = "x-ratelimit-reset";

    /// <summary>The window an answer describes, or <see langword="null"/> when it carries no complete set.</summary>
    internal static RateWindow? Read(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return Number(response, Limit) is { } limit and >= 1 &&
               Number(response, Remaining) is { } remaining &&
               Seconds(response) is { } reset
            ? new RateWindow((int)Math.Min(limit, int.MaxValue), (int)Math.Clamp(remaining, 0, limit), reset)
            : null;
    }

    /// <summary><c>x-ratelimit-reset</c> as a duration; some gateways send fractions.</summary>
    internal static TimeSpan? Seconds(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues(Reset, out var values) ||
            !double.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ||
            !double.IsFinite(seconds) || seconds >= TimeSpan.MaxValue.TotalSeconds)
        {
            return null;
        }

        return seconds <= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);
    }

    private static long? Number(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) &&
        long.TryParse(values.FirstOrDefault()?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;
}

/// <summary>What one answer said about the rate-limit window.</summary>
/// <param name="Limit">Calls allowed per window.</param>
/// <param name="Remaining">Calls left in the window when the server answered.</param>
/// <param name="ResetIn">How long until the window resets.</param>
internal readonly record struct RateWindow(int Limit, int Remaining, TimeSpan ResetIn);
