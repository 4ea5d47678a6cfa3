using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Run;

namespace UbiOps.Cli.Commands;

/// <summary><c>merge</c>: the outputs of a run's shards joined into one file in input order.</summary>
internal static class MergeCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var shards = new Argument<string[]>("shard-outputs") { Description = "The --output files of 'run --shard I/N', one per shard.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "The merged results file (overwritten).", HelpName = "file", Required = true };
        var input = new Option<string?>("--input", "-i")
        {
            Description = "The run's input file: inputs after the last result line are named missing too.",
            HelpName = "file",
        };

        var command = new Command("merge",
            "Join the outputs of a run's shards (run --shard I/N) into one file in input order, and name any input that has no " +
            "line (a shard not finished, or not given) or more than one. Exit code 1 when any is missing or doubled.");
        command.Arguments.Add(shards);
        command.Options.Add(output);
        command.Options.Add(input);
        command.SetAction(async (parse, cancellationToken) =>
        {
            try
            {
                var paths = parse.GetRequiredValue(shards).Select(p => Existing(environment, p, "shard output")).ToArray();
                var outputPath = environment.ResolvePath(parse.GetRequiredValue(output));
                if (paths.Any(p => Path.GetFullPath(p) == Path.GetFullPath(outputPath)))
                {
                    throw new CliUsageException($"--output '{parse.GetRequiredValue(output)}' is one of the shard outputs; choose another file.");
                }

                var inputs = parse.GetValue(input) is { } inputPath ? InputSource.CountLines(Existing(environment, inputPath, "--input"), environment) : null;
                var result = await ShardMerge.MergeAsync(paths, outputPath, inputs, cancellationToken);
                environment.Error.WriteLine(Describe(result, parse.GetRequiredValue(output)));
                return result.Missing.Count == 0 && result.Doubled.Count == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
            }
            catch (Exception e)
            {
                return FailureReport.Write(e, environment.Error, host: null, cancelled: cancellationToken.IsCancellationRequested);
            }
        });
        return command;
    }

    private static string Existing(CliEnvironment environment, string path, string what) =>
        File.Exists(environment.ResolvePath(path)) ? environment.ResolvePath(path) : throw new CliUsageException($"{what} '{path}': no such file.");

    private static string Describe(ShardMerge.Result result, string output)
    {
        var text = $"Merged {result.Lines} line(s) into {output}.";
        if (result.Missing.Count > 0)
        {
            var ranges = result.Missing.Take(10).Select(m => m.First == m.Last ? $"{m.First}" : $"{m.First}-{m.Last}");
            text += $" Missing {result.MissingCount} input(s) (by index): {string.Join(", ", ranges)}{(result.Missing.Count > 10 ? ", …" : "")}.";
        }

        if (result.Doubled.Count > 0)
        {
            text += $" Doubled {result.Doubled.Count} input(s): " +
                    string.Join("; ", result.Doubled.Take(5).Select(d => $"{d.Index} ({d.Where})")) + (result.Doubled.Count > 5 ? "; …" : "") + ".";
        }

        return text;
    }
}
