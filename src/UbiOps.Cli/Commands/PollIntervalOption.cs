using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>How often <c>wait</c> and <c>run</c> ask for unfinished requests.</summary>
internal static class PollIntervalOption
{
    public static Option<double> Create() => new("--poll-interval")
    {
        Description = "Seconds between the first polls for unfinished requests; the pause grows 1.5x per poll, to at most 10 s.",
        HelpName = "seconds",
        DefaultValueFactory = _ => 1.0,
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

    public static WaitOptions ToWaitOptions(double seconds)
    {
        var interval = TimeSpan.FromSeconds(seconds);
        var longest = TimeSpan.FromSeconds(10);
        return new WaitOptions { InitialInterval = interval, MaxInterval = interval > longest ? interval : longest };
    }
}
