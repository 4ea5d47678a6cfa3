using System.Collections.Concurrent;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Packages;

/// <summary>
/// Runs requests of deployments that are UbiOps deployment packages: one pool of Python workers per
/// deployment version (each version is its own instance, with its own init context), each pool as
/// large as the emulator's worker slots. Disposing kills every worker.
/// </summary>
internal sealed class PackageRunner(string? python, string project, int slots, TextWriter output) : IDisposable
{
    private readonly TextWriter _output = TextWriter.Synchronized(output);
    private readonly ConcurrentDictionary<(string Deployment, string Version), Lazy<PythonWorkerPool>> _pools = new();

    public Task<JToken> RunAsync(EmulatorDeployment deployment, RequestRecord record, JToken data, CancellationToken ct)
    {
        // Checked at start-up (PythonExecutable.RequireFor): a package deployment means python was found.
        var interpreter = python ?? throw new InvalidOperationException("No Python interpreter was resolved for package deployments.");
        var pool = _pools.GetOrAdd((deployment.Name, record.Version),
            key => new Lazy<PythonWorkerPool>(() => new PythonWorkerPool(interpreter, project, deployment, key.Version, slots, _output))).Value;
        return pool.RunAsync(record, data, ct);
    }

    public void Dispose()
    {
        foreach (var pool in _pools.Values.Where(p => p.IsValueCreated))
        {
            pool.Value.Dispose();
        }
    }
}
