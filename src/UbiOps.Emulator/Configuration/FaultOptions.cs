using System.Globalization;

namespace UbiOps.Emulator;

/// <summary>
/// Faults injected into API calls so that clients can be tested against an unreliable service.
/// </summary>
/// <remarks>
/// A fault is decided and injected before the call reaches its handler: an injected 429, 500 or 503
/// or a dropped connection means nothing was stored and nothing ran. Added latency is followed by
/// the normal handling of the call.
/// </remarks>
public sealed class FaultOptions
{
    /// <summary>The probability of answering 429 Too Many Requests.</summary>
    /// <value>The default value is 0.</value>
    public double TooManyRequestsRate { get; init; }

    /// <summary>The probability of answering 500 Internal Server Error.</summary>
    /// <value>The default value is 0.</value>
    public double InternalErrorRate { get; init; }

    /// <summary>The probability of answering 503 Service Unavailable.</summary>
    /// <value>The default value is 0.</value>
    public double UnavailableRate { get; init; }

    /// <summary>The probability of adding <see cref="Latency"/> before the call is handled.</summary>
    /// <value>The default value is 0.</value>
    public double LatencyRate { get; init; }

    /// <summary>The latency added when it is injected.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan Latency { get; init; }

    /// <summary>The probability of aborting the connection without an answer.</summary>
    /// <value>The default value is 0.</value>
    public double DropRate { get; init; }

    /// <summary>A seed for the random choices, for repeatable runs; <see langword="null"/> for a random seed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? Seed { get; init; }

    /// <summary>
    /// Parses a list such as <c>429=0.1,500=0.05,503=0.05,latency=200ms@0.2,drop=0.01</c>.
    /// </summary>
    /// <param name="text">Comma-separated <c>key=probability</c> items; latency is <c>latency=DURATION@probability</c>
    /// with a duration in <c>ms</c> or <c>s</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">An item is not understood.</exception>
    public static FaultOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double tooMany = 0, error = 0, unavailable = 0, latencyRate = 0, drop = 0;
        var latency = TimeSpan.Zero;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new FormatException($"Fault '{item}' is not of the form key=value.");
            }

            switch (pair[0].ToLowerInvariant())
            {
                case "429": tooMany = Probability(item, pair[1]); break;
                case "500": error = Probability(item, pair[1]); break;
                case "503": unavailable = Probability(item, pair[1]); break;
                case "drop": drop = Probability(item, pair[1]); break;
                case "latency":
                    var latencyParts = pair[1].Split('@', 2, StringSplitOptions.TrimEntries);
                    latency = Duration(item, latencyParts[0]);
                    latencyRate = latencyParts.Length == 2 ? Probability(item, latencyParts[1]) : 1;
                    break;
                default:
                    throw new FormatException($"Fault '{item}' is unknown; use 429, 500, 503, latency or drop.");
            }
        }

        return new FaultOptions
        {
            TooManyRequestsRate = tooMany, InternalErrorRate = error, UnavailableRate = unavailable,
            LatencyRate = latencyRate, Latency = latency, DropRate = drop,
        };
    }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">A probability is outside 0..1, the failures add up to more than 1, or the latency is negative.</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(TooManyRequestsRate), TooManyRequestsRate), (nameof(InternalErrorRate), InternalErrorRate),
                     (nameof(UnavailableRate), UnavailableRate), (nameof(LatencyRate), LatencyRate), (nameof(DropRate), DropRate),
                 })
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                throw new ArgumentException($"Fault probability {name} must be between 0 and 1.", name);
            }
        }

        if (TooManyRequestsRate + InternalErrorRate + UnavailableRate + DropRate > 1 + 1e-9)
        {
            throw new ArgumentException("The probabilities of 429, 500, 503 and drop add up to more than 1.", nameof(DropRate));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("The injected latency is negative.", nameof(Latency));
        }
    }

    private static double Probability(string item, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"Fault '{item}' needs a probability between 0 and 1.");

    private static TimeSpan Duration(string item, string text)
    {
        var (number, scale) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromMilliseconds(value * scale)
            : throw new FormatException($"Fault '{item}' needs a duration such as 200ms or 1s.");
    }
}
