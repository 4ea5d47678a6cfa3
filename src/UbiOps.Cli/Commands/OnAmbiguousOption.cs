using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>
/// <c>--on-ambiguous report|adopt|resend</c> of run and batch: what happens to an input whose batch
/// call lost its answer when the server's records cannot tell which request, if any, was made for it.
/// </summary>
internal static class OnAmbiguousOption
{
    public static Option<string> Create()
    {
        var option = new Option<string>("--on-ambiguous")
        {
            Description = "An input whose batch call lost its answer, when the server's records cannot tell its request (another " +
                          "producer's requests hold the same input): report (a line with status ambiguous and its candidates; the default), " +
                          "adopt (take a candidate: at most once, right for a deterministic model) or resend (send it again: at least once).",
            HelpName = "report|adopt|resend",
            DefaultValueFactory = _ => "report",
        };
        option.AcceptOnlyFromAmong("report", "adopt", "resend");
        return option;
    }

    /// <summary>The option's value as the SDK's policy.</summary>
    public static AmbiguousInputPolicy Value(ParseResult parse, Option<string> option) => parse.GetValue(option) switch
    {
        "adopt" => AmbiguousInputPolicy.Adopt,
        "resend" => AmbiguousInputPolicy.Resend,
        _ => AmbiguousInputPolicy.Report,
    };
}
