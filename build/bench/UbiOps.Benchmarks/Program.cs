using System.Diagnostics;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator;

// Submitting N inputs and reading their results, two ways, against one in-process emulator:
//   baseline  one direct request per input, one at a time (what a naive loop does);
//   sdk       DeploymentScope.RunAsync: batches of 250, waiting by collect, results in input order.
// Rounds alternate the two so that warm-up and machine noise fall on both; the median is reported.
// A network latency (the emulator's latency fault on every call, default 0 ms) stands in for the
// round trip to the real service, which a loopback emulator does not have.
//   dotnet run -c Release --project build/bench/UbiOps.Benchmarks -- [inputs=2000] [rounds=3] [latency-ms=0]
var inputs = args.Length > 0 ? int.Parse(args[0]) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1]) : 3;
var latency = TimeSpan.FromMilliseconds(args.Length > 2 ? int.Parse(args[2]) : 0);

await using var emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions
{
    Workers = 4,
    Faults = latency > TimeSpan.Zero ? new FaultOptions { Latency = latency, LatencyRate = 1.0 } : null,
});
var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = emulator.Token, BaseUrl = emulator.BaseUrl });
var echo = client.Deployment(emulator.Project, "echo");
var data = Enumerable.Range(0, inputs)
    .Select(i => (RequestInput)new JObject { ["index"] = i, ["text"] = $"input number {i}" })
    .ToList();

async Task<TimeSpan> Baseline()
{
    var watch = Stopwatch.StartNew();
    foreach (var input in data)
    {
        var response = await echo.CreateAsync(input);
        if (response.Status != "completed") throw new InvalidOperationException($"request {response.Id}: {response.Status}");
    }

    return watch.Elapsed;
}

async Task<TimeSpan> Sdk()
{
    var watch = Stopwatch.StartNew();
    var expected = 0;
    await foreach (var outcome in echo.RunAsync(data))
    {
        if (outcome.Index != expected++ || !outcome.Succeeded) throw new InvalidOperationException($"outcome {outcome}");
    }

    if (expected != inputs) throw new InvalidOperationException($"{expected} outcomes for {inputs} inputs");
    return watch.Elapsed;
}

await Baseline(); // warm-up of both paths (JIT, connection pool, SQLite)
await Sdk();
var baseline = new List<double>();
var sdk = new List<double>();
for (var round = 0; round < rounds; round++)
{
    baseline.Add((await Baseline()).TotalSeconds);
    sdk.Add((await Sdk()).TotalSeconds);
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var (b, s) = (Median(baseline), Median(sdk));
Console.WriteLine($"inputs: {inputs}, rounds: {rounds} (median), added latency per call: {latency.TotalMilliseconds} ms");
Console.WriteLine($"baseline (direct, one at a time): {b,8:F2} s  {inputs / b,8:F0} inputs/s");
Console.WriteLine($"sdk (RunAsync, batched):          {s,8:F2} s  {inputs / s,8:F0} inputs/s");
Console.WriteLine($"speed-up sdk vs baseline: {b / s:F2}x");
