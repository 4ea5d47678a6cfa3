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
        var window = new Option<int>("--window")
        {
            Description = "Most inputs in flight (read, their result lines not yet written): bounds memory and how far " +
                          $"submitting runs ahead of results (at least {RequestLimits.MaxItemsPerCall}).",
            HelpName = "n",
            DefaultValueFactory = _ => new RunOptions().MaxInFlight,
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
        foreach (var option in new Option[] { output, restart, timeout, window, poll, quiet })
        {
            command.Options.Add(option);
        }

        CommandAction.Set(command, target, environment, async context =>
        {
            var p = context.Parse;
            var options = new RunOptions
            {
                RequestTimeout = TimeoutOption.ToTimeSpan(p.GetValue(timeout)),
                MaxInFlight = p.GetValue(window),
                MaxPollInterval = PollIntervalOption.ToMaxPollInterval(p.GetValue(poll)),
            };
            options.Validate();
            var job = new RunJob(
                context,
                options,
                p.GetRequiredValue(input.Input),
                p.GetValue(input.Format),
                environment.ResolvePath(p.GetRequiredValue(output)),
                p.GetValue(restart),
                ProgressDisplay.For(environment, p.GetValue(quiet)),
                ResumeCommand(p));
            return await job.ExecuteAsync();
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

    // The command that resumes this run: the same arguments, without --restart.
    private static string ResumeCommand(ParseResult parse) =>
        "ubiops-requests " + string.Join(' ', parse.Tokens.Where(t => t.Value != "--restart").Select(t => Quote(t.Value)));

    private static string Quote(string value) =>
        value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./=:,@".Contains(c)) ? value : "'" + value.Replace("'", "'\\''") + "'";
}
