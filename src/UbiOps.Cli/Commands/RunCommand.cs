using System.CommandLine;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Progress;
using UbiOps.Cli.Run;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>
/// <c>run</c>: a file of inputs through a deployment, end to end, streaming and resumable.
/// </summary>
internal static class RunCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var input = new InputFileOptions(environment);
        var output = new Option<string>("--output", "-o")
        {
            Description = "Results file (JSON lines, in input order): {\"index\", \"line\", \"request_id\", \"status\", \"result\" or \"error\"}; " +
                          "index counts the inputs from 0 (blank lines are not inputs), line is the input's line number. If it exists " +
                          "the run resumes: inputs already in it are checked and skipped, submitted ones (recorded in <output>.state) " +
                          "are collected, never submitted again.",
            HelpName = "file",
            Required = true,
        };
        var restart = new Option<bool>("--restart") { Description = "Discard an existing --output and its state, and start from the first input." };
        var timeout = TimeoutOption.ForBatch();
        var priority = PriorityOption.Create();
        var onAmbiguous = OnAmbiguousOption.Create();
        var window = new Option<int>("--window")
        {
            Description = "Most inputs in flight (read, their result lines not yet written): bounds memory and how far " +
                          $"submitting runs ahead of results (at least {RequestLimits.MaxItemsPerCall}).",
            HelpName = "n",
            DefaultValueFactory = _ => new RunOptions().MaxInFlight,
            Validators =
            {
                result =>
                {
                    if (result.GetValueOrDefault<int>() < RequestLimits.MaxItemsPerCall)
                    {
                        result.AddError($"--window must be at least {RequestLimits.MaxItemsPerCall} (one full batch), not {result.GetValueOrDefault<int>()}");
                    }
                },
            },
        };
        var shard = new Option<string?>("--shard")
        {
            Description = "Run only share I of N of the inputs (those whose index modulo N is I), e.g. 0/4: one machine's share of a " +
                          "run spread over N machines (a Kubernetes Indexed Job: --shard $JOB_COMPLETION_INDEX/N). Give each shard its " +
                          "own --output; 'merge' joins them. Its lines keep each input's index among all inputs.",
            HelpName = "I/N",
            Validators =
            {
                result =>
                {
                    if (result.GetValueOrDefault<string?>() is { } text)
                    {
                        try
                        {
                            Shard.Parse(text);
                        }
                        catch (FormatException e)
                        {
                            result.AddError(e.Message);
                        }
                    }
                },
            },
        };
        var poll = PollIntervalOption.Create();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress, only malformed inputs and the summary." };

        var command = new Command("run",
            "Run a file of inputs through a deployment: submit them in batches of 250, wait, and write one result line per " +
            "input, in input order. Streams (memory stays flat on any file size), stays within the API's rate limit, and " +
            "resumes: after Ctrl+C or a kill, run the same command again (without --restart); inputs already submitted are " +
            "collected, not submitted again.");
        target.AddTo(command);
        input.AddTo(command);
        foreach (var option in new Option[] { output, restart, shard, timeout, priority, onAmbiguous, window, poll, quiet })
        {
            command.Options.Add(option);
        }

        CommandAction.SetPrepared(command, target, environment, p =>
        {
            // Everything the run will need is checked before the emulator starts or anything connects.
            var options = new RunOptions
            {
                RequestTimeout = TimeoutOption.ToTimeSpan(p.GetValue(timeout)),
                Priority = PriorityOption.Value(p, priority),
                OnAmbiguous = OnAmbiguousOption.Value(p, onAmbiguous),
                MaxInFlight = p.GetValue(window),
                MaxPollInterval = PollIntervalOption.ToMaxPollInterval(p.GetValue(poll)),
            };
            options.Validate();
            var outputPath = environment.ResolvePath(p.GetRequiredValue(output));
            if (Path.GetDirectoryName(Path.GetFullPath(outputPath)) is { } folder && !Directory.Exists(folder))
            {
                throw new CliUsageException($"--output '{p.GetRequiredValue(output)}': the folder '{folder}' does not exist.");
            }

            return context => new RunJob(
                context,
                options,
                p.GetRequiredValue(input.Input),
                p.GetValue(input.Format),
                outputPath,
                p.GetValue(restart),
                ProgressDisplay.For(environment, p.GetValue(quiet)),
                ResumeCommand(p, target),
                p.GetValue(shard) is { } share ? Shard.Parse(share) : null).ExecuteAsync();
        },
        emulatorDatabase: parse =>
        {
            // The embedded emulator keeps its requests next to the output, so a resumed run finds them.
            var path = environment.ResolvePath(parse.GetRequiredValue(output)) + ".emulator.db";
            if (parse.GetValue(restart))
            {
                EmulatorDatabase.Delete(path);
            }

            return path;
        });
        return command;
    }

    // The command that resumes this run: the same arguments, without --restart, and never the token
    // itself (stderr ends up in logs): a --token value shows as <token>.
    private static string ResumeCommand(ParseResult parse, TargetOptions target)
    {
        var words = new List<string>();
        var tokens = parse.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var value = tokens[i].Value;
            if (value == "--restart")
            {
                continue;
            }

            if (target.Token.Name == value || target.Token.Aliases.Contains(value))
            {
                words.Add(value);
                words.Add("<token>");
                i++;
                continue;
            }

            words.Add(value.StartsWith(target.Token.Name + "=", StringComparison.Ordinal) ? target.Token.Name + "=<token>" : Quote(value));
        }

        return "ubiops-requests " + string.Join(' ', words);
    }

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./=:,@".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";
}
