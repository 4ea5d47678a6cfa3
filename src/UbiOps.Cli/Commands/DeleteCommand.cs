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
                // Ids the server no longer knows are gone too (perhaps deleted by an attempt whose answer was lost).
                var result = await context.Scope.DeleteAsync(requestIds, context.Cancellation);
                context.Out.WriteLine(result.NotFound.Count == 0
                    ? $"deleted {result.Deleted.Count} request(s)"
                    : $"deleted {result.Deleted.Count} request(s); {result.NotFound.Count} not found (already gone): {string.Join(", ", result.NotFound.Take(5))}" +
                      (result.NotFound.Count > 5 ? ", …" : ""));
                return ExitCodes.Success;
            }

            context.Out.WriteLine("deleted 1 request(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
