using System.CommandLine;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Commands;

/// <summary>
/// Request ids given as arguments, or read from a file (or stdin) with <c>--ids-from</c>: one id
/// per line, or JSON lines with a <c>request_id</c> field (the output of <c>batch</c> and <c>run</c>).
/// </summary>
internal sealed class RequestIdsOptions
{
    public RequestIdsOptions(CliEnvironment environment)
    {
        IdsFrom.Validators.Add(ExistingFile.Validator(environment));
    }

    public Argument<string[]> Ids { get; } = new("request-ids")
    {
        Description = "Request ids.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string?> IdsFrom { get; } = new("--ids-from")
    {
        Description = "Read request ids from a file ('-' for stdin): one per line, or JSON lines with a \"request_id\" (as 'batch' and 'run' write).",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Ids);
        command.Options.Add(IdsFrom);
    }

    public async Task<IReadOnlyList<string>> ReadAsync(CommandContext context)
    {
        var ids = new List<string>(context.Parse.GetValue(Ids) ?? []);
        if (context.Parse.GetValue(IdsFrom) is { } source)
        {
            using var reader = InputSource.Open(source, "--ids-from", context.Environment);
            while (await reader.ReadLineAsync(context.Cancellation) is { } line)
            {
                if (FromLine(line) is { } id)
                {
                    ids.Add(id);
                }
            }
        }

        return ids.Count > 0 ? ids : throw new CliUsageException("No request ids: give them as arguments or with --ids-from.");
    }

    private static string? FromLine(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith('{'))
        {
            return text.Length > 0 ? text : null;
        }

        try
        {
            return JObject.Parse(text).Value<string>("request_id");
        }
        catch (JsonReaderException)
        {
            throw new CliUsageException($"--ids-from: '{text}' is neither a request id nor a JSON object.");
        }
    }
}
