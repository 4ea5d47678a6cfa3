using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Packages;

/// <summary>
/// The Python workers of one deployment version: at most one per worker slot, started when first
/// needed and kept for the next request. A worker that died, was killed (timeout, cancel) or failed
/// to start is dropped, so the next request starts a fresh one.
/// </summary>
internal sealed class PythonWorkerPool(string python, string project, EmulatorDeployment deployment, string version, int slots, TextWriter output) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(slots, slots);
    private readonly Lock _lock = new();
    private readonly Stack<PythonWorker> _idle = new();
    private readonly HashSet<PythonWorker> _all = [];
    private bool _disposed;

    /// <summary>Runs one request on a free worker and returns its result.</summary>
    /// <exception cref="DeploymentFailure">The package raised, or could not be initialised.</exception>
    /// <exception cref="WorkerLostException">The worker exited before it answered.</exception>
    public async Task<JToken> RunAsync(RequestRecord record, JToken data, CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        PythonWorker? worker = null;
        try
        {
            worker = TakeIdle() ?? Track(await PythonWorker.StartAsync(python, project, deployment, version, output, ct).ConfigureAwait(false));
            var answer = await worker.RunAsync(record, data, ct).ConfigureAwait(false);
            GiveBack(worker);
            worker = null;
            return answer.TryGetValue("result", out var result)
                ? result
                : throw new DeploymentFailure(answer.Value<string>("error") ?? "The deployment failed.");
        }
        finally
        {
            if (worker is not null)
            {
                Drop(worker);
            }

            _slots.Release();
        }
    }

    /// <summary>Kills every worker (the emulator is stopping).</summary>
    public void Dispose()
    {
        List<PythonWorker> all;
        lock (_lock)
        {
            _disposed = true;
            all = [.. _all];
            _all.Clear();
            _idle.Clear();
        }

        foreach (var worker in all)
        {
            worker.Dispose();
        }
    }

    private PythonWorker? TakeIdle()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _idle.TryPop(out var worker) ? worker : null;
        }
    }

    private PythonWorker Track(PythonWorker worker)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _all.Add(worker);
                return worker;
            }
        }

        worker.Dispose();
        throw new ObjectDisposedException(nameof(PythonWorkerPool));
    }

    private void GiveBack(PythonWorker worker)
    {
        lock (_lock)
        {
            if (!_disposed)
            {
                _idle.Push(worker);
                return;
            }
        }

        worker.Dispose();
    }

    private void Drop(PythonWorker worker)
    {
        lock (_lock)
        {
            _all.Remove(worker);
        }

        worker.Dispose();
    }
}
