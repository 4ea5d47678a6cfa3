using UbiOps.Client;

namespace UbiOps.Cli.Commands;

/// <summary>
/// The embedded emulator runs only while a command runs: a request queued by one command (a batch
/// request of a deployment that takes time) waits until a later command starts the emulator again.
/// Commands that show such a request say so on stderr, once.
/// </summary>
internal static class QueuedNote
{
    private const string Why = "the embedded emulator processes queued requests only while a command runs";

    /// <summary>After <c>get</c>: the request has not finished yet.</summary>
    public static void ForGet(CommandContext context, string id, RequestStatus status)
    {
        if (context.Target.IsEmbeddedEmulator && !status.IsTerminal)
        {
            context.Error.WriteLine($"note: request {id} is {status}; {Why}: 'wait {id}' runs it until it ends.");
        }
    }

    /// <summary>Before <c>wait</c>: how many of the requests have not finished yet; waiting runs them.</summary>
    public static async Task ForWaitAsync(CommandContext context, IReadOnlyList<string> ids)
    {
        if (!context.Target.IsEmbeddedEmulator)
        {
            return;
        }

        var requests = await context.Scope.CollectAsync(ids, context.Cancellation);
        var unfinished = requests.Count(r => !r.Status.IsTerminal);
        if (unfinished > 0)
        {
            context.Error.WriteLine($"note: {unfinished} of {requests.Count} requests are queued or running; {Why}, so this wait runs them.");
        }
    }

    /// <summary>After <c>batch</c>: requests that are queued when the command ends.</summary>
    public static void ForBatch(CommandContext context, int queued)
    {
        if (context.Target.IsEmbeddedEmulator && queued > 0)
        {
            var what = queued == 1 ? "1 request is" : $"{queued} requests are";
            context.Error.WriteLine($"note: {what} queued; {Why}: pass this output to 'wait --ids-from' to run them.");
        }
    }
}
