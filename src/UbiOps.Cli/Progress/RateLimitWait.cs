namespace UbiOps.Cli.Progress;

/// <summary>How long until the rate-limit window resets, for people.</summary>
internal static class RateLimitWait
{
    public static string Describe(DateTimeOffset until)
    {
        var seconds = Math.Max(0, (int)Math.Ceiling((until - DateTimeOffset.UtcNow).TotalSeconds));
        return $"{seconds} s";
    }
}
