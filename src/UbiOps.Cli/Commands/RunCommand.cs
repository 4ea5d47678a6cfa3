using System.CommandLine;
using UbiOps.Cli.Connection;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Progress;
using UbiOps.Cli.Run;

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
            Description = "Results file (JSON lines, in input order): {\"index\", \"request_id\", \"status\", \"result\" or \"error\"}. " +
                          "If it exists the run resumes: inputs already in it are skipped, submitted ones (recorded in <output>.state) are " +
                          "collected, never submitted again.",
            HelpName = "file",
            Required = true,
        };
        var restart = new Option<bool>("--restart") { Description = "Discard an existing --output and its state, and start from the first input." };
        var timeout = TimeoutOption.ForBatch();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = $"Inputs per batch call (1..{RunSettings.MaxBatchSize}).",
            HelpName = "n",
            DefaultValueFactory = _ => RunSettings.MaxBatchSize,
        };
        var window = new Option<int>("--window")
        {
            Description = "Most inputs in flight (read, not yet written): bounds memory and the results held back for order.",
            HelpName = "n",
            DefaultValueFactory = _ => new RunSettings().Window,
        };
        var poll = PollIntervalOption.Create();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress, only malformed inputs and the summary." };

        var command = new Command("run",
            "Run a file of inputs through a deployment: submit them in batches, wait, and write one result line per input, " +
            "in input order. Streams (memory stays flat on any file size) and resumes: after Ctrl+C or a kill, run the same " +
            "command again. Only a kill in the moment between the server accepting a batch and its ids reaching <output>.state " +
            "can make that batch run twice.");
        target.AddTo(command);
        input.AddTo(command);
        foreach (var option in new Option[] { output, restart, timeout, batchSize, window, poll, quiet })
        {
            command.Options.Add(option);
        }

        CommandAction.Set(command, target, environment, async context =>
        {
            var p = context.Parse;
            var settings = new RunSettings { BatchSize = p.GetValue(batchSize), Window = p.GetValue(window) };
            if (settings.BatchSize is < 1 or > RunSettings.MaxBatchSize)
            {
                throw new CliUsageException($"--batch-size must be 1..{RunSettings.MaxBatchSize}.");
            }

            if (settings.Window < settings.BatchSize)
            {
                throw new CliUsageException("--window must be at least --batch-size.");
            }

            var job = new RunJob(
                context,
                settings,
                p.GetRequiredValue(input.Input),
                p.GetValue(input.Format),
                environment.ResolvePath(p.GetRequiredValue(output)),
                p.GetValue(restart),
                new ScopeRunBackend(context.Scope, TimeoutOption.ToTimeSpan(p.GetValue(timeout)), PollIntervalOption.ToWaitOptions(p.GetValue(poll))),
                ProgressDisplay.For(environment, p.GetValue(quiet)));
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
}
