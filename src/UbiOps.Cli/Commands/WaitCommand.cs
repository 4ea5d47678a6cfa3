using System.CommandLine;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Rendering;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>wait</c>: block until requests end, printing each as it ends.</summary>
internal static class WaitCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var ids = new RequestIdsOptions(environment);
        var timeout = new Option<double?>("--timeout")
        {
            Description = "Give up after this many seconds (exit code 1); waits as long as it takes when omitted.",
            HelpName = "seconds",
        };
        var poll = PollIntervalOption.Create();

        var command = new Command("wait", "Wait for requests to end; print each as one JSON line when it completes, fails or is cancelled.");
        ids.AddTo(command);
        target.AddTo(command);
        command.Options.Add(timeout);
        command.Options.Add(poll);
        CommandAction.Set(command, target, environment, async context =>
        {
            var options = PollIntervalOption.ToWaitOptions(context.Parse.GetValue(poll));
            if (context.Parse.GetValue(timeout) is { } seconds)
            {
                options.Timeout = TimeSpan.FromSeconds(seconds);
            }

            var failed = 0;
            var requestIds = await ids.ReadAsync(context);
            await QueuedNote.ForWaitAsync(context, requestIds);
            try
            {
                await foreach (var request in context.Scope.WaitAsync(requestIds, options, context.Cancellation))
                {
                    JsonOutput.WriteLine(context.Out, request);
                    if (request.Status != RequestStatus.Completed)
                    {
                        failed++;
                    }
                }
            }
            catch (TimeoutException e)
            {
                context.Error.WriteLine($"error: {e.Message}");
                return ExitCodes.SomeInputsFailed;
            }

            return failed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
        });
        return command;
    }
}
