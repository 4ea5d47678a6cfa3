namespace UbiOps.Emulator.Execution;

/// <summary>
/// The batch requests waiting for a worker: high priority before standard, and within a priority in
/// the order they were added (the order the server accepted them). Thread-safe.
/// </summary>
internal sealed class WaitingRequests
{
    private readonly PriorityQueue<string, (RequestPriority Priority, long Order)> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly object _lock = new();
    private long _added;

    public void Add(string id, RequestPriority priority)
    {
        lock (_lock)
        {
            _queue.Enqueue(id, (priority, _added++));
        }

        _available.Release();
    }

    /// <summary>The next request to run, once there is one.</summary>
    public async Task<string> TakeAsync(CancellationToken cancellationToken)
    {
        await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
        lock (_lock)
        {
            return _queue.Dequeue();
        }
    }
}
