using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>The request timeout (seconds) a create or batch call may pass on to the API.</summary>
internal static class TimeoutOption
{
    public static Option<int?> ForDirect() => Checked(new("--timeout")
    {
        Description = $"Seconds the request may run ({Range(RequestLimits.MaxDirectTimeout)}; the API's default is {RequestLimits.DefaultDirectTimeout.TotalSeconds:0}).",
        HelpName = "seconds",
    }, RequestLimits.MaxDirectTimeout);

    public static Option<int?> ForBatch() => Checked(new("--timeout")
    {
        Description = $"Seconds each batch request may run once started ({Range(RequestLimits.MaxBatchTimeout)}; the API's default is {RequestLimits.DefaultBatchTimeout.TotalSeconds:0}).",
        HelpName = "seconds",
    }, RequestLimits.MaxBatchTimeout);

    // Checked when parsed, so a bad value is a usage error before anything starts.
    private static Option<int?> Checked(Option<int?> option, TimeSpan max)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is { } seconds && (seconds < RequestLimits.MinTimeout.TotalSeconds || seconds > max.TotalSeconds))
            {
                result.AddError($"--timeout must be {Range(max)} seconds, not {seconds}");
            }
        });
        return option;
    }

    /// <summary>The option's seconds as the SDK's duration.</summary>
    public static TimeSpan? ToTimeSpan(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static string Range(TimeSpan max) => $"{RequestLimits.MinTimeout.TotalSeconds:0}..{max.TotalSeconds:0}";
}
