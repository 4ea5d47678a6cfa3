using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Run;
using UbiOps.Client;
using UbiOps.Emulator;

// Exactly once under chaos: N echo inputs through RunAsync and through `ubiops-requests run`
// against one emulator that injects every fault kind at once (before handling and after commit),
// the CLI killed with SIGKILL at random moments and resumed after each kill. The emulator's own
// execution counts tell inputs lost and executed twice.
//   build/bench/chaos.sh [inputs=10000] [kills=20]
var repository = args.Length > 0 ? args[0] : throw new ArgumentException("usage: UbiOps.ChaosBench <repository-root> [inputs] [kills]");
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var kills = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
const string Faults = "429=0.03,500=0.02,503=0.02,drop=0.02,500-after=0.02,502-after=0.02,504-after=0.02,drop-after=0.02,delay-after=3s@0.01,latency=20ms@0.1";
var cliDll = Path.Combine(repository, "src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll");
var scratch = Directory.CreateTempSubdirectory("ubiops-chaos-").FullName;

await using var emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions { Faults = FaultOptions.Parse(Faults), Workers = 4 });
Console.Error.WriteLine($"Emulator with --faults {Faults}; {n} inputs per side.");
var rows = new List<string>();

// ---- The library: one RunAsync ---------------------------------------------------------------
{
    var lookups = new LookupCounter();
    var client = UbiOpsClient.Create(new UbiOpsClientOptions
    {
        Token = emulator.Token,
        BaseUrl = emulator.BaseUrl,
        Resilience = { MaxRetryAttempts = 10, AttemptTimeout = TimeSpan.FromSeconds(1), BatchCreateTimeout = TimeSpan.FromSeconds(1) },
    });
    var before = emulator.TotalExecutions;
    var faultsBefore = emulator.InjectedFaults;
    var watch = Stopwatch.StartNew();
    var outcomes = await client.Deployment(emulator.Project, "echo")
        .RunAsync(Enumerable.Range(0, n).Select(i => RequestInput.FromObject(new { side = "library", n = i })).ToList())
        .ToListAsync();
    watch.Stop();
    var finished = outcomes.Where(o => o.Kind == OutcomeKind.Finished).ToList();
    var wrong = finished.Count(o => o.Result!.AsJson().Value<int>("n") != o.Index || emulator.ExecutionCount(o.RequestId!) != 1);
    var executions = emulator.TotalExecutions - before;
    rows.Add(Row("RunAsync (one call)", n, lost: n - outcomes.Count(o => o.Kind is OutcomeKind.Finished or OutcomeKind.Ambiguous),
        twice: executions - finished.Count + wrong, ambiguous: outcomes.Count(o => o.Kind == OutcomeKind.Ambiguous),
        lookups.Lookups, lookups.Calls, Struck(faultsBefore, emulator.InjectedFaults), $"{watch.Elapsed.TotalSeconds:F1} s, 1 invocation"));
    lookups.Dispose();
}

// ---- The CLI: killed `kills` times, resumed after each -----------------------------------------
{
    await using var proxy = await CountingProxy.StartAsync(emulator.RootUrl + "/");
    var input = Path.Combine(scratch, "inputs.jsonl");
    var output = Path.Combine(scratch, "results.jsonl");
    await File.WriteAllLinesAsync(input, Enumerable.Range(0, n).Select(i => $"{{\"side\":\"cli\",\"n\":{i}}}"));
    string[] run = [cliDll, "run", "-d", "echo", "-i", input, "-o", output, "--quiet", "--call-timeout", "1", "--retries", "10",
        "--host", proxy.BaseUrl, "--token", emulator.Token, "--project", emulator.Project];
    var before = emulator.TotalExecutions;
    var faultsBefore = emulator.InjectedFaults;
    var random = new Random(20261201);
    var watch = Stopwatch.StartNew();
    var invocations = 0;
    for (var kill = 0; kill < kills; kill++)
    {
        using var process = Start(run);
        invocations++;
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 4000)));
        if (process.HasExited)
        {
            break; // finished before this kill
        }

        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    string summary;
    int exit;
    do
    {
        using var final = Start(run);
        invocations++;
        summary = await final.StandardError.ReadToEndAsync();
        await final.WaitForExitAsync();
        exit = final.ExitCode;
        if (exit != 0)
        {
            Console.Error.WriteLine($"  (a run exited {exit}: {summary.Trim()})");
        }
    }
    while (exit != 0 && invocations < kills + 5); // a run under faults should finish in one invocation
    watch.Stop();

    var lines = File.ReadAllLines(output).Select(JObject.Parse).ToList();
    var completed = lines.Where(l => l.Value<string>("status") == "completed").ToList();
    var wrong = completed.Count(l => l["result"]!.Value<int>("n") != l.Value<int>("index") || emulator.ExecutionCount(l.Value<string>("request_id")!) != 1);
    var executions = emulator.TotalExecutions - before;
    var lookedUp = LookupLine().Match(summary);
    rows.Add(Row($"ubiops-requests run, killed {invocations - 1 - (exit == 0 ? 0 : 1)}x", n,
        lost: n - lines.Count(l => l.Value<string>("status") is "completed" or "ambiguous"),
        twice: executions - completed.Count + wrong, ambiguous: lines.Count(l => l.Value<string>("status") == "ambiguous"),
        lookups: lookedUp.Success ? long.Parse(lookedUp.Groups["lookups"].Value, CultureInfo.InvariantCulture) : 0,
        calls: lookedUp.Success ? long.Parse(lookedUp.Groups["calls"].Value, CultureInfo.InvariantCulture) : 0,
        Struck(faultsBefore, emulator.InjectedFaults),
        $"{watch.Elapsed.TotalSeconds:F1} s, {invocations} invocations (final exit {exit}); lists by all invocations: {proxy.Counts().Of(ApiOperation.List)}"));
}

Directory.Delete(scratch, recursive: true);
Console.WriteLine("| side | inputs | lost | executed twice | ambiguous | lost answers looked up (last invocation) | look-up calls | faults that struck | wall |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---|---|");
rows.ForEach(Console.WriteLine);
return 0;

static string Row(string side, int inputs, int lost, int twice, int ambiguous, long lookups, long calls, string struck, string wall) =>
    $"| {side} | {inputs:N0} | {lost} | {twice} | {ambiguous} | {lookups} | {calls} | {struck} | {wall} |";

static string Struck(IReadOnlyDictionary<FaultKind, int> before, IReadOnlyDictionary<FaultKind, int> after) =>
    string.Join(", ", after.Where(p => p.Value > before.GetValueOrDefault(p.Key)).OrderBy(p => p.Key)
        .Select(p => $"{p.Key} {p.Value - before.GetValueOrDefault(p.Key)}"));

static Process Start(string[] arguments)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var argument in arguments)
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment.Remove("UBIOPS_API_TOKEN");
    start.Environment.Remove("UBIOPS_API_HOST");
    var process = Process.Start(start)!;
    _ = process.StandardOutput.ReadToEndAsync();
    return process;
}

internal partial class Program
{
    [GeneratedRegex(@"(?<lookups>\d+) lost answer\(s\) looked up on the server \(.*; (?<calls>\d+) calls\)")]
    private static partial Regex LookupLine();
}
