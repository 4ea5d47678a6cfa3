using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Execution;

/// <summary>
/// Runs queued batch requests. Those of deployments whose requests end the moment they start (the
/// built-in echo and fail; new ones run as they are accepted, so these are the ones found pending
/// after a restart) go to one loop that runs them <see cref="MaxPerTransaction"/> at a time, in one
/// transaction each (a group commit); the others go to a fixed number of workers, one request each
/// at a time, waiting high-priority requests before standard ones and each priority in the order
/// accepted. The queues hold ids only: the store is the truth, so a request cancelled or deleted
/// while queued is skipped when its turn comes.
/// </summary>
internal sealed class BatchWorkerPool(
    RequestStore store,
    RequestExecutor executor,
    RunningRequests running,
    ILogger<BatchWorkerPool> logger)
{
    /// <summary>The most requests run and committed together: bounds how long one transaction holds the store.</summary>
    internal const int MaxPerTransaction = 1000;

    private readonly Channel<string[]> _atOnce = Channel.CreateUnbounded<string[]>(new UnboundedChannelOptions { SingleReader = true });
    private readonly WaitingRequests _queue = new();
    private Task[] _workers = [];

    public void Start(int workers, CancellationToken stopping) =>
        _workers =
        [
            Task.Run(() => RunAtOnceAsync(stopping), CancellationToken.None),
            .. Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stopping), CancellationToken.None)),
        ];

    /// <summary>Queues pending requests (new ones of deployments that take time, or those found pending after a restart).</summary>
    public void Enqueue(IEnumerable<QueuedRequest> requests)
    {
        var atOnce = new List<string>();
        foreach (var request in requests)
        {
            if (executor.RunsAtOnce(request.Deployment))
            {
                atOnce.Add(request.Id);
            }
            else
            {
                _queue.Add(request.Id, request.Priority);
            }
        }

        foreach (var ids in atOnce.Chunk(MaxPerTransaction))
        {
            _atOnce.Writer.TryWrite(ids);
        }
    }

    /// <summary>Waits for the workers to stop after the stopping token fired.</summary>
    public Task StopAsync()
    {
        _atOnce.Writer.TryComplete();
        return Task.WhenAll(_workers);
    }

    private async Task RunAtOnceAsync(CancellationToken stopping)
    {
        try
        {
            // Enqueue has cut them into transactions already.
            await foreach (var ids in _atOnce.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    await store.RunAtOnceAsync(ids, executor.RunAtOnce, executor.Now, stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
                {
                    // They stay pending in the store and run after a restart.
                    logger.LogError(ex, "{Count} batch requests could not be processed.", ids.Length);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Stopping: unfinished requests stay pending and resume after a restart.
        }
    }

    private async Task WorkAsync(CancellationToken stopping)
    {
        try
        {
            while (true)
            {
                var id = await _queue.TakeAsync(stopping).ConfigureAwait(false);
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
        var record = await store.TryStartAsync(id, executor.Now(), stopping).ConfigureAwait(false);
        if (record is null)
        {
            return; // cancelled or deleted while it waited
        }

        var after = await executor.RunAsync(record, registration.Token, stopping).ConfigureAwait(false);
        if (after is not null && after.Status == RequestStatus.Pending)
        {
            _queue.Add(id, after.Priority); // its run was lost: it runs again
        }
    }
}
