using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;

namespace UbiOps.Cli.Commands;

/// <summary><c>cancel</c>: stop a request that has not finished.</summary>
internal static class CancelCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var id = new Argument<string>("request-id") { Description = "The request id." };

        var command = new Command("cancel", "Cancel a pending or processing request and print it as JSON.");
        command.Arguments.Add(id);
        target.AddTo(command);
        CommandAction.Set(command, target, environment, async context =>
        {
            var request = await context.Scope.CancelAsync(context.Parse.GetRequiredValue(id), context.Cancellation);
            JsonOutput.WriteIndented(context.Out, request);
            return ExitCodes.Success;
        });
        return command;
    }
}
