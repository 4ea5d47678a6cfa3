using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using UbiOps.Cli.Commands;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli;

/// <summary>The command tree of <c>ubiops-requests</c>, and how one invocation runs.</summary>
internal static class CliApplication
{
    public static RootCommand Build(CliEnvironment environment)
    {
        var root = new RootCommand(
            "Send requests to UbiOps deployments and run files of inputs through them. Every command takes " +
            "--deployment (and --version for a version other than the default). Without --host and --token " +
            "(or UBIOPS_API_HOST and UBIOPS_API_TOKEN) the embedded emulator is used: the commands other than 'run' keep " +
            "its requests in one local database ('emulator reset' deletes it). It serves today's API (the 2025-12 generation); " +
            "the commands work on servers of the 2024-07 generation too, except batch cancel, input and output, which those do not have.");
        foreach (var command in new[]
        {
            RunCommand.Build(environment),
            MergeCommand.Build(environment),
            CreateCommand.Build(environment),
            BatchCommand.Build(environment),
            GetCommand.Build(environment),
            RequestFileCommand.Input(environment),
            RequestFileCommand.Output(environment),
            CollectCommand.Build(environment),
            WaitCommand.Build(environment),
            ListCommand.Build(environment),
            CancelCommand.Build(environment),
            DeleteCommand.Build(environment),
            EmulatorCommand.Build(environment),
        })
        {
            root.Subcommands.Add(command);
        }

        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExitCodesAction((HelpAction)help.Action!);
        return root;
    }

    /// <summary>Parses and runs one command line; answers the exit code.</summary>
    public static async Task<int> InvokeAsync(string[] args, CliEnvironment environment, CancellationToken cancellationToken = default)
    {
        var parse = Build(environment).Parse(args);
        var configuration = new InvocationConfiguration
        {
            Output = environment.Out,
            Error = environment.Error,
            // Ctrl+C cancels the command's token; a run then writes what it has and its state.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };

        if (parse.Errors.Count > 0)
        {
            // One line, like every other failure: what was wrong, and where to look.
            var problems = string.Join("; ", parse.Errors.Select(e => e.Message.Trim().TrimEnd('.')).Distinct());
            environment.Error.WriteLine($"error: {problems}. See --help for the options and exit codes.");
            return ExitCodes.UsageError;
        }

        return await parse.InvokeAsync(configuration, cancellationToken);
    }
}
