using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;

namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// A deployment handler that holds every request until the test opens the gate, so tests can see
/// requests pending and processing without relying on timing.
/// </summary>
internal sealed class GatedHandler(bool honourCancellation = true)
{
    private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _started = new(0);
    private int _cancelled;

    public ConcurrentQueue<JToken> Inputs { get; } = new();

    public int Cancelled => Volatile.Read(ref _cancelled);

    public void Open() => _gate.TrySetResult();

    public async Task WaitStartedAsync(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.That(await _started.WaitAsync(TimeSpan.FromSeconds(30)), Is.True, "the handler was never started");
        }
    }

    public async Task<JToken> HandleAsync(JToken input, CancellationToken ct)
    {
        Inputs.Enqueue(input);
        _started.Release();
        try
        {
            await (honourCancellation ? _gate.Task.WaitAsync(ct) : _gate.Task);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }

        return new JObject { ["handled"] = input };
    }
}
