using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>The request timeout (seconds) a create or batch call may pass on to the API.</summary>
internal static class TimeoutOption
{
    public static Option<int?> ForDirect() => new("--timeout")
    {
        Description = $"Seconds the request may run ({Range(RequestLimits.MaxDirectTimeout)}; the API's default is {RequestLimits.DefaultDirectTimeout.TotalSeconds:0}).",
        HelpName = "seconds",
    };

    public static Option<int?> ForBatch() => new("--timeout")
    {
        Description = $"Seconds each batch request may run once started ({Range(RequestLimits.MaxBatchTimeout)}; the API's default is {RequestLimits.DefaultBatchTimeout.TotalSeconds:0}).",
        HelpName = "seconds",
    };

    /// <summary>The option's seconds as the SDK's duration.</summary>
    public static TimeSpan? ToTimeSpan(int? seconds) => seconds is { } s ? TimeSpan.FromSeconds(s) : null;

    private static string Range(TimeSpan max) => $"{RequestLimits.MinTimeout.TotalSeconds:0}..{max.TotalSeconds:0}";
}
