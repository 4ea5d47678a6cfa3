using System.Globalization;

namespace UbiOps.Emulator;

/// <summary>
/// Faults injected at random into API calls so that clients can be tested against an unreliable
/// service. For faults on exact calls, see <see cref="FaultRule"/> and the
/// <c>X-UbiOps-Emulator-Fault</c> request header.
/// </summary>
/// <remarks>
/// Each call gets at most one of the failures (one roll against their summed probabilities) and,
/// independently, added latency. The failures before handling (429, 500, 503, drop) mean nothing
/// was stored or run; the <c>AfterCommit</c> ones (500, 502 or 504 after, drop after, delay after)
/// happen after the call was carried out, so only the answer is lost (see <see cref="FaultKind"/>).
/// Added latency is followed by the normal handling of the call.
/// </remarks>
public sealed class FaultOptions
{
    /// <summary>The probability of answering 429 Too Many Requests (<see cref="FaultKind.TooManyRequests"/>).</summary>
    /// <value>The default value is 0.</value>
    public double TooManyRequestsRate { get; init; }

    /// <summary>The probability of answering 500 before handling (<see cref="FaultKind.InternalError"/>).</summary>
    /// <value>The default value is 0.</value>
    public double InternalErrorRate { get; init; }

    /// <summary>The probability of answering 503 before handling (<see cref="FaultKind.Unavailable"/>).</summary>
    /// <value>The default value is 0.</value>
    public double UnavailableRate { get; init; }

    /// <summary>The probability of dropping the connection before handling (<see cref="FaultKind.Drop"/>).</summary>
    /// <value>The default value is 0.</value>
    public double DropRate { get; init; }

    /// <summary>The probability of answering 500 after the call was carried out (<see cref="FaultKind.InternalErrorAfterCommit"/>).</summary>
    /// <value>The default value is 0.</value>
    public double InternalErrorAfterCommitRate { get; init; }

    /// <summary>The probability of answering 502 after the call was carried out (<see cref="FaultKind.BadGatewayAfterCommit"/>).</summary>
    /// <value>The default value is 0.</value>
    public double BadGatewayAfterCommitRate { get; init; }

    /// <summary>The probability of answering 504 after the call was carried out (<see cref="FaultKind.GatewayTimeoutAfterCommit"/>).</summary>
    /// <value>The default value is 0.</value>
    public double GatewayTimeoutAfterCommitRate { get; init; }

    /// <summary>The probability of dropping the connection after the call was carried out (<see cref="FaultKind.DropAfterCommit"/>).</summary>
    /// <value>The default value is 0.</value>
    public double DropAfterCommitRate { get; init; }

    /// <summary>The probability of holding the answer back by <see cref="DelayAfterCommit"/> (<see cref="FaultKind.DelayAfterCommit"/>).</summary>
    /// <value>The default value is 0.</value>
    public double DelayAfterCommitRate { get; init; }

    /// <summary>How long an answer is held back after the call was carried out.</summary>
    /// <value>The default value is 30 seconds.</value>
    public TimeSpan DelayAfterCommit { get; init; } = FaultKinds.DefaultDelayAfterCommit;

    /// <summary>The probability of adding <see cref="Latency"/> before the call is handled.</summary>
    /// <value>The default value is 0.</value>
    public double LatencyRate { get; init; }

    /// <summary>The latency added when it is injected.</summary>
    /// <value>The default value is <see cref="TimeSpan.Zero"/>.</value>
    public TimeSpan Latency { get; init; }

    /// <summary>A seed for the random choices, for repeatable runs; <see langword="null"/> for a random seed.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public int? Seed { get; init; }

    /// <summary>
    /// Parses a list such as <c>429=0.1,500=0.05,503=0.05,drop=0.01,500-after=0.02,502-after=0.01,504-after=0.01,drop-after=0.02,delay-after=5s@0.01,latency=200ms@0.2</c>.
    /// </summary>
    /// <param name="text">Comma-separated <c>kind=probability</c> items (kinds as in <see cref="FaultKind"/>);
    /// <c>latency=DURATION@probability</c> and <c>delay-after=DURATION@probability</c> take a duration in
    /// <c>ms</c> or <c>s</c>.</param>
    /// <returns>The options.</returns>
    /// <exception cref="FormatException">An item is not understood.</exception>
    public static FaultOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rates = new Dictionary<FaultKind, double>();
        double latencyRate = 0;
        TimeSpan latency = TimeSpan.Zero, delayAfter = FaultKinds.DefaultDelayAfterCommit;
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = item.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2)
            {
                throw new FormatException($"Fault '{item}' is not of the form key=value.");
            }

            if (string.Equals(pair[0], "latency", StringComparison.OrdinalIgnoreCase))
            {
                (latency, latencyRate) = DurationAndProbability(item, pair[1]);
            }
            else if (!FaultKinds.TryParse(pair[0], out var kind))
            {
                throw new FormatException($"Fault '{item}' is unknown; use {FaultKinds.All} or latency.");
            }
            else if (kind == FaultKind.DelayAfterCommit)
            {
                (delayAfter, rates[kind]) = DurationAndProbability(item, pair[1]);
            }
            else
            {
                rates[kind] = Probability(item, pair[1]);
            }
        }

        double Rate(FaultKind kind) => rates.GetValueOrDefault(kind);
        return new FaultOptions
        {
            TooManyRequestsRate = Rate(FaultKind.TooManyRequests),
            InternalErrorRate = Rate(FaultKind.InternalError),
            UnavailableRate = Rate(FaultKind.Unavailable),
            DropRate = Rate(FaultKind.Drop),
            InternalErrorAfterCommitRate = Rate(FaultKind.InternalErrorAfterCommit),
            BadGatewayAfterCommitRate = Rate(FaultKind.BadGatewayAfterCommit),
            GatewayTimeoutAfterCommitRate = Rate(FaultKind.GatewayTimeoutAfterCommit),
            DropAfterCommitRate = Rate(FaultKind.DropAfterCommit),
            DelayAfterCommitRate = Rate(FaultKind.DelayAfterCommit),
            DelayAfterCommit = delayAfter,
            LatencyRate = latencyRate,
            Latency = latency,
        };
    }

    /// <summary>Checks the options and throws an <see cref="ArgumentException"/> naming what is wrong.</summary>
    /// <exception cref="ArgumentException">A probability is outside 0..1, the failures add up to more than 1, or a duration is negative.</exception>
    public void Validate()
    {
        foreach (var (name, value) in new[]
                 {
                     (nameof(TooManyRequestsRate), TooManyRequestsRate), (nameof(InternalErrorRate), InternalErrorRate),
                     (nameof(UnavailableRate), UnavailableRate), (nameof(DropRate), DropRate),
                     (nameof(InternalErrorAfterCommitRate), InternalErrorAfterCommitRate), (nameof(BadGatewayAfterCommitRate), BadGatewayAfterCommitRate),
                     (nameof(GatewayTimeoutAfterCommitRate), GatewayTimeoutAfterCommitRate), (nameof(DropAfterCommitRate), DropAfterCommitRate),
                     (nameof(DelayAfterCommitRate), DelayAfterCommitRate), (nameof(LatencyRate), LatencyRate),
                 })
        {
            if (double.IsNaN(value) || value is < 0 or > 1)
            {
                throw new ArgumentException($"Fault probability {name} must be between 0 and 1.", name);
            }
        }

        if (Failures().Sum(f => f.Rate) > 1 + 1e-9)
        {
            throw new ArgumentException($"The probabilities of the failures ({FaultKinds.All}) add up to more than 1.", nameof(DropRate));
        }

        if (Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("The injected latency is negative.", nameof(Latency));
        }

        if (DelayAfterCommit < TimeSpan.Zero)
        {
            throw new ArgumentException("The delay after commit is negative.", nameof(DelayAfterCommit));
        }
    }

    /// <summary>Each failure with its probability, in the order one roll is measured against them.</summary>
    internal IEnumerable<(FaultKind Kind, double Rate)> Failures() =>
    [
        (FaultKind.TooManyRequests, TooManyRequestsRate),
        (FaultKind.InternalError, InternalErrorRate),
        (FaultKind.Unavailable, UnavailableRate),
        (FaultKind.Drop, DropRate),
        (FaultKind.InternalErrorAfterCommit, InternalErrorAfterCommitRate),
        (FaultKind.BadGatewayAfterCommit, BadGatewayAfterCommitRate),
        (FaultKind.GatewayTimeoutAfterCommit, GatewayTimeoutAfterCommitRate),
        (FaultKind.DropAfterCommit, DropAfterCommitRate),
        (FaultKind.DelayAfterCommit, DelayAfterCommitRate),
    ];

    private static double Probability(string item, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new FormatException($"Fault '{item}' needs a probability between 0 and 1.");

    private static (TimeSpan Duration, double Probability) DurationAndProbability(string item, string text)
    {
        var parts = text.Split('@', 2, StringSplitOptions.TrimEntries);
        if (!FaultKinds.TryParseDuration(parts[0], out var duration))
        {
            throw new FormatException($"Fault '{item}' needs a duration such as 200ms or 5s.");
        }

        return (duration, parts.Length == 2 ? Probability(item, parts[1]) : 1);
    }
}
