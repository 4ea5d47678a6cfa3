using System.CommandLine;

namespace UbiOps.Cli.Commands;

/// <summary>The request timeout (seconds) a create or batch call may pass on to the API.</summary>
internal static class TimeoutOption
{
    public static Option<int?> ForDirect() => new("--timeout")
    {
        Description = "Seconds the request may run (10..3600; the API's default is 300).",
        HelpName = "seconds",
    };

    public static Option<int?> ForBatch() => new("--timeout")
    {
        Description = "Seconds each batch request may run once started (10..172800; the API's default is 14400).",
        HelpName = "seconds",
    };
}
