using System.Collections.Concurrent;

namespace UbiOps.Emulator.Execution;

/// <summary>Counts how often each request's deployment code was started, so tests can prove nothing ran twice.</summary>
internal sealed class ExecutionCounter
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private int _total;

    public int Total => Volatile.Read(ref _total);

    public int this[string requestId] => _counts.GetValueOrDefault(requestId);

    public void Increment(string requestId)
    {
        _counts.AddOrUpdate(requestId, 1, (_, count) => count + 1);
        Interlocked.Increment(ref _total);
    }
}
