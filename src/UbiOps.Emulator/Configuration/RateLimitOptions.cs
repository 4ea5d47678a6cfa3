using System.Globalization;

namespace UbiOps.Emulator;

/// <summary>
/// A fixed-window rate limit per remote address, like the real service's 300 requests per minute.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>The number of requests allowed per window and address.</summary>
    /// <value>The default value is 300.</value>
    public int PermitLimit { get; init; } = 300;

    /// <summary>The length of a window.</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan Window { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Parses <c>N/unit</c> where unit is <c>s</c>, <c>sec</c>, <c>min</c>, <c>m</c>, <c>h</c> or <c>hour</c>,
    /// optionally with a count (<c>100/10s</c>).
    /// </summary>
    /// <param name="text">For example <c>300/min</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">The text is not of that form.</exception>
    public static RateLimitOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Trim().Split('/', 2);
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1)
        {
            throw new FormatException($"Rate limit '{text}' is not of the form N/unit, e.g. 300/min.");
        }

        var unit = parts[1].Trim().ToLowerInvariant();
        var digits = unit.TakeWhile(char.IsAsciiDigit).Count();
        var count = digits == 0 ? 1 : int.Parse(unit[..digits], CultureInfo.InvariantCulture);
        TimeSpan one = unit[digits..] switch
        {
            "s" or "sec" or "second" => TimeSpan.FromSeconds(1),
            "m" or "min" or "minute" => TimeSpan.FromMinutes(1),
            "h" or "hour" => TimeSpan.FromHours(1),
            _ => throw new FormatException($"Rate limit '{text}' has an unknown unit; use s, min or h."),
        };
        if (count < 1)
        {
            throw new FormatException($"Rate limit '{text}' has a zero window.");
        }

        return new RateLimitOptions { PermitLimit = limit, Window = one * count };
    }

    /// <inheritdoc />
    public override string ToString() => $"{PermitLimit} per {Window}";
}
