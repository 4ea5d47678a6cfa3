using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;

namespace UbiOps.Cli.Commands;

/// <summary><c>collect</c>: many requests at once, in the order asked for.</summary>
internal static class CollectCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var ids = new RequestIdsOptions(environment);

        var command = new Command("collect", "Print requests (status, data and result) as a JSON array, in the order of the ids given, without waiting.");
        ids.AddTo(command);
        target.AddTo(command);
        CommandAction.Set(command, target, environment, async context =>
        {
            var requests = await context.Scope.CollectAsync(await ids.ReadAsync(context), context.Cancellation);
            JsonOutput.WriteIndented(context.Out, requests);
            return ExitCodes.Success;
        });
        return command;
    }
}
