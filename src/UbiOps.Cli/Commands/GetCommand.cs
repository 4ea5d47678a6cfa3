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
            var requestId = context.Parse.GetRequiredValue(id);
            var request = context.Parse.GetValue(metadataOnly)
                ? await context.Scope.GetMetadataAsync(requestId, context.Cancellation)
                : await context.Scope.GetAsync(requestId, context.Cancellation);
            JsonOutput.WriteIndented(context.Out, request);
            QueuedNote.ForGet(context, requestId, request.Status);
            return ExitCodes.Success;
        });
        return command;
    }
}
