using System.Collections.Concurrent;

namespace UbiOps.Emulator.Execution;

/// <summary>
/// The cancellation sources of requests that are about to run or running. A source is registered
/// before the request is moved to processing, so a cancel that sees "processing" always finds it.
/// </summary>
internal sealed class RunningRequests
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _sources = new(StringComparer.Ordinal);

    public Registration Register(string requestId)
    {
        var source = new CancellationTokenSource();
        _sources[requestId] = source;
        return new Registration(this, requestId, source);
    }

    public void Cancel(string requestId)
    {
        if (_sources.TryGetValue(requestId, out var source))
        {
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run ended between the lookup and the cancel: nothing left to cancel.
            }
        }
    }

    /// <summary>A registered source; disposing it unregisters it.</summary>
    internal sealed class Registration(RunningRequests owner, string requestId, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner._sources.TryRemove(new KeyValuePair<string, CancellationTokenSource>(requestId, source));
            source.Dispose();
        }
    }
}
