using System.CommandLine;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Rendering;
using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary><c>batch</c>: queue batch requests for a file of inputs, without waiting.</summary>
internal static class BatchCommand
{
    public static Command Build(CliEnvironment environment)
    {
        var target = new TargetOptions();
        var input = new InputFileOptions(environment);
        var timeout = TimeoutOption.ForBatch();
        var priority = PriorityOption.Create();
        var onAmbiguous = OnAmbiguousOption.Create();

        var command = new Command("batch",
            "Create a batch request per input (in calls of at most 250) without waiting; print one JSON line per input: " +
            "{\"index\", \"request_id\", \"status\"}, or {\"index\", \"status\": \"invalid_input\", \"error\"} for a malformed line. " +
            "Pass the output to 'wait --ids-from' or 'collect --ids-from'.");
        target.AddTo(command);
        input.AddTo(command);
        command.Options.Add(timeout);
        command.Options.Add(priority);
        command.Options.Add(onAmbiguous);
        CommandAction.Set(command, target, environment, async context =>
        {
            var options = new BatchCreateOptions
            {
                Timeout = TimeoutOption.ToTimeSpan(context.Parse.GetValue(timeout)),
                Priority = PriorityOption.Value(context.Parse, priority),
                OnAmbiguous = OnAmbiguousOption.Value(context.Parse, onAmbiguous),
            };
            using var reader = InputSource.Open(context.Parse.GetRequiredValue(input.Input), "--input", environment);
            var chunk = new List<InputRecord>();
            var malformed = 0;
            var queued = 0;
            await foreach (var record in InputReader.ReadAsync(reader, context.Parse.GetValue(input.Format), context.Cancellation))
            {
                if (record.IsMalformed)
                {
                    malformed++;
                    context.Error.WriteLine($"malformed input, {record.Error}");
                    queued += await SubmitAsync(context, chunk, options);
                    JsonOutput.WriteLine(context.Out, new JObject
                    {
                        ["index"] = record.Index, ["status"] = "invalid_input", ["error"] = record.Error,
                    });
                    continue;
                }

                chunk.Add(record);
                if (chunk.Count == RequestLimits.MaxItemsPerCall)
                {
                    queued += await SubmitAsync(context, chunk, options);
                }
            }

            queued += await SubmitAsync(context, chunk, options);
            QueuedNote.ForBatch(context, queued);
            return malformed == 0 ? ExitCodes.Success : ExitCodes.SomeInputsFailed;
        });
        return command;
    }

    // Lines come out in input order: a malformed line first sends the inputs before it. Answers how
    // many of the requests are unfinished now (echo and fail on the emulator finish as accepted).
    private static async Task<int> SubmitAsync(CommandContext context, List<InputRecord> chunk, BatchCreateOptions options)
    {
        if (chunk.Count == 0)
        {
            return 0;
        }

        var created = await context.Scope.CreateBatchAsync(
            chunk.Select(r => RequestInput.FromParsed(r.Data!)), options, context.Cancellation);
        for (var i = 0; i < chunk.Count; i++)
        {
            JsonOutput.WriteLine(context.Out, new JObject
            {
                ["index"] = chunk[i].Index, ["request_id"] = created[i].Id, ["status"] = created[i].Status.Value,
            });
        }

        chunk.Clear();
        return context.Target.IsEmbeddedEmulator ? await UnfinishedAsync(context, created) : 0;
    }

    private static async Task<int> UnfinishedAsync(CommandContext context, IReadOnlyList<DeploymentRequestBatchCreateResponse> created) =>
        (await context.Scope.CollectAsync(created.Select(c => c.Id), context.Cancellation)).Count(r => !r.Status.IsTerminal);
}
