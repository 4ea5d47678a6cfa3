using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;

namespace UbiOps.Cli.Commands;

/// <summary><c>get</c>: one request with its data and result.</summary>
internal static class GetCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var id = new Argument<string>("request-id") { Description = "The request id." };
        var metadataOnly = new Option<bool>("--metadata-only") { Description = "Leave out the request data and the result." };

        var command = new Command("get", "Print one request (status, times, data and result) as JSON.");
        command.Arguments.Add(id);
        target.AddTo(command);
        command.Options.Add(metadataOnly);
        CommandAction.Set(command, target, environment, async context =>
        {
            var request = await context.Scope.GetAsync(
                context.Parse.GetRequiredValue(id), context.Parse.GetValue(metadataOnly), context.Cancellation);
            JsonOutput.WriteIndented(context.Out, request);
            return ExitCodes.Success;
        });
        return command;
    }
}
