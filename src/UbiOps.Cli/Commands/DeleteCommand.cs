using System.CommandLine;
using UbiOps.Cli.Errors;

namespace UbiOps.Cli.Commands;

/// <summary><c>delete</c>: remove one request or many.</summary>
internal static class DeleteCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var ids = new RequestIdsOptions(environment);

        var command = new Command("delete", "Delete requests: one id, or many (sent in batch calls of at most 250).");
        ids.AddTo(command);
        target.AddTo(command);
        CommandAction.Set(command, target, environment, async context =>
        {
            var requestIds = await ids.ReadAsync(context);
            if (requestIds.Count == 1)
            {
                await context.Scope.DeleteAsync(requestIds[0], context.Cancellation);
            }
            else
            {
                await context.Scope.DeleteAsync(requestIds, context.Cancellation);
            }

            context.Out.WriteLine($"deleted {requestIds.Distinct(StringComparer.Ordinal).Count()} request(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
