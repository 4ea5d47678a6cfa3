using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Execution;

/// <summary>
/// Runs queued batch requests, a fixed number at a time. The queue holds ids only: the store is the
/// truth, so a request cancelled or deleted while queued is skipped when its turn comes.
/// </summary>
internal sealed class BatchWorkerPool(
    RequestStore store,
    RequestExecutor executor,
    RunningRequests running,
    ILogger<BatchWorkerPool> logger)
{
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = false });
    private Task[] _workers = [];

    public void Start(int workers, CancellationToken stopping) =>
        _workers = Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stopping), CancellationToken.None)).ToArray();

    public void Enqueue(IEnumerable<string> requestIds)
    {
        foreach (var id in requestIds)
        {
            _queue.Writer.TryWrite(id);
        }
    }

    /// <summary>Waits for the workers to stop after the stopping token fired.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return Task.WhenAll(_workers);
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await ProcessAsync(id, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Batch request {RequestId} could not be processed.", id);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: unfinished requests stay pending or processing and resume after a restart.
        }
    }

    private async Task ProcessAsync(string id, CancellationToken stopping)
    {
        using var registration = running.Register(id);
        if (!await store.TryStartAsync(id, executor.Now(), stopping).ConfigureAwait(false))
        {
            return; // cancelled or deleted while it waited
        }

        var record = await store.GetByIdAsync(id, stopping).ConfigureAwait(false);
        var after = record is null ? null : await executor.RunAsync(record, registration.Token, stopping).ConfigureAwait(false);
        if (after is not null && after.Status == RequestStatus.Pending)
        {
            _queue.Writer.TryWrite(id); // its run was lost: it runs again
        }
    }
}
