using System.CommandLine;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>--priority high|standard</c> of create, batch and run: how soon the server starts the requests.</summary>
internal static class PriorityOption
{
    public static Option<string?> Create()
    {
        var option = new Option<string?>("--priority")
        {
            Description = "How soon the server starts the request(s): high (0) or standard (1, the API's default). " +
                          "Read by today's service; servers of the 2024-07 generation ignore it.",
            HelpName = "high|standard",
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } text && Parse(text) is null)
            {
                result.AddError($"--priority must be high or standard (or 0 or 1), not '{text}'");
            }
        });
        return option;
    }

    /// <summary>The option's value as the SDK's priority; <see langword="null"/> when not given.</summary>
    public static RequestPriority? Value(ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) is { } text ? Parse(text) : null;

    private static RequestPriority? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "high" or "0" => RequestPriority.High,
        "standard" or "1" => RequestPriority.Standard,
        _ => null,
    };
}
