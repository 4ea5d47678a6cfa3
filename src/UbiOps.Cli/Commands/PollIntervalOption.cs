using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>How often <c>wait</c> and <c>run</c> ask for unfinished requests.</summary>
internal static class PollIntervalOption
{
    public static Option<double> Create() => new("--poll-interval")
    {
        Description = "The longest pause, in seconds, between polls for unfinished requests; polls are otherwise timed from how fast requests finish.",
        HelpName = "seconds",
        DefaultValueFactory = _ => new WaitOptions().MaxPollInterval.TotalSeconds,
        Validators =
        {
            result =>
            {
                if (result.GetValueOrDefault<double>() is <= 0 or double.NaN)
                {
                    result.AddError("--poll-interval must be more than 0 seconds.");
                }
            },
        },
    };

    /// <summary>The option as the longest poll pause; never below the first poll delay.</summary>
    public static TimeSpan ToMaxPollInterval(double seconds)
    {
        var pause = TimeSpan.FromSeconds(seconds);
        var first = new WaitOptions().FirstPollDelay;
        return pause < first ? first : pause;
    }

    public static WaitOptions ToWaitOptions(double seconds) => new() { MaxPollInterval = ToMaxPollInterval(seconds) };
}
