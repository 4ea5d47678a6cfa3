using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>cancel</c>: stop requests that have not finished: one, many, or every pending or processing one.</summary>
internal static class CancelCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var ids = new RequestIdsOptions(environment);
        var all = new Option<string?>("--all")
        {
            Description = "Cancel every pending, or every processing, request of the deployment (version) instead of ids.",
            HelpName = "pending|processing",
        };
        all.AcceptOnlyFromAmong(RequestStatus.Pending.Value, RequestStatus.Processing.Value);

        var command = new Command("cancel",
            "Cancel requests: one id (printed as JSON after the update), many ids (in batch calls of at most 250), " +
            "or --all pending|processing. A pending request is cancelled at once, a processing one goes to cancelled_pending first. " +
            "Many ids and --all use batch cancel, which today's service has and servers of the 2024-07 generation do not.");
        ids.AddTo(command);
        target.AddTo(command);
        command.Options.Add(all);
        CommandAction.Set(command, target, environment, async context =>
        {
            if (context.Parse.GetValue(all) is { } status)
            {
                if ((context.Parse.GetValue(ids.Ids)?.Length ?? 0) > 0 || context.Parse.GetValue(ids.IdsFrom) is not null)
                {
                    throw new CliUsageException("Give request ids or --all, not both.");
                }

                await context.Scope.CancelAllAsync(new RequestStatus(status), context.Cancellation);
                context.Out.WriteLine($"cancelled every {status} request");
                return ExitCodes.Success;
            }

            var requestIds = await ids.ReadAsync(context);
            if (requestIds.Count == 1)
            {
                JsonOutput.WriteIndented(context.Out, await context.Scope.CancelAsync(requestIds[0], context.Cancellation));
                return ExitCodes.Success;
            }

            await context.Scope.CancelAsync(requestIds, context.Cancellation);
            context.Out.WriteLine($"cancelled {requestIds.Distinct(StringComparer.Ordinal).Count()} request(s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
