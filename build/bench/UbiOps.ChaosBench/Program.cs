using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator;

// Exactly once under chaos, on either generation of the API: N inputs through RunAsync and through
// `ubiops-requests run` against an emulator that injects every fault kind at once (before handling
// and after commit), the CLI killed with SIGKILL at random moments and resumed after each kill. The
// emulator's own execution counts tell inputs lost and executed twice.
//   build/bench/chaos.sh [inputs=10000] [kills=20] [deployment=echo|slow] [apis=2024-07,2025-12] [baseline-cli.dll]
// "slow" takes 50 ms a request on 4 workers (80 a second), so a batch whose answer was lost waits
// behind the batches before it when it is looked up (today's list shows such requests only when
// asked for each status on its own). Besides the random faults, the 3rd, 6th and 9th batch create of
// every side is stored and its answer dropped, so each side has lost answers to look up. A baseline
// CLI (another build's ubiops-requests.dll) runs one invocation per generation, side by side, unkilled.
var repository = args.Length > 0 ? args[0] : throw new ArgumentException("usage: UbiOps.ChaosBench <repository-root> [inputs] [kills] [deployment] [apis] [baseline-cli]");
var n = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var kills = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
var deployment = args.Length > 3 ? args[3] : "echo";
var apis = (args.Length > 4 ? args[4] : "2024-07,2025-12").Split(',').Select(ApiGeneration.Parse).ToArray();
var baselineCli = args.Length > 5 ? args[5] : null;
const string Faults = "429=0.03,500=0.02,503=0.02,drop=0.02,500-after=0.02,502-after=0.02,504-after=0.02,drop-after=0.02,delay-after=3s@0.01,latency=20ms@0.1";
var cliDll = Path.Combine(repository, "src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll");
var scratch = Directory.CreateTempSubdirectory("ubiops-chaos-").FullName;
var rows = new List<string>();
Console.Error.WriteLine($"--faults {Faults}; {n} inputs per side on '{deployment}'.");

foreach (var api in apis)
{
    await using var emulator = await UbiOpsEmulator.StartAsync(Options(api));

    // ---- The library: one RunAsync ---------------------------------------------------------------
    {
        using var lookups = new LostAnswerCounter();
        var client = UbiOpsClient.Create(new UbiOpsClientOptions
        {
            Token = emulator.Token,
            BaseUrl = emulator.BaseUrl,
            Resilience = { MaxRetryAttempts = 10, AttemptTimeout = TimeSpan.FromSeconds(1), BatchCreateTimeout = TimeSpan.FromSeconds(1) },
        });
        LoseAnswers(emulator);
        var before = emulator.TotalExecutions;
        var faultsBefore = emulator.InjectedFaults;
        var watch = Stopwatch.StartNew();
        var outcomes = await client.Deployment(emulator.Project, deployment)
            .RunAsync(Enumerable.Range(0, n).Select(i => RequestInput.FromObject(new { side = "library", n = i })).ToList())
            .ToListAsync();
        watch.Stop();
        var finished = outcomes.Where(o => o.Kind == OutcomeKind.Finished).ToList();
        foreach (var ambiguous in outcomes.Where(o => o.Kind == OutcomeKind.Ambiguous).GroupBy(o => o.ErrorMessage).Take(3))
        {
            Console.Error.WriteLine($"  ambiguous ({ambiguous.Count()} inputs, first index {ambiguous.First().Index}): {ambiguous.Key}");
        }

        var wrong = finished.Count(o => o.Result!.AsJson().Value<int>("n") != o.Index || emulator.ExecutionCount(o.RequestId!) != 1);
        var stored = await StoredAsync(emulator, before);
        Report(Row(api, "RunAsync (one call)", n, lost: n - outcomes.Count(o => o.Kind is OutcomeKind.Finished or OutcomeKind.Ambiguous),
            twice: stored - finished.Count + wrong, ambiguous: outcomes.Count(o => o.Kind == OutcomeKind.Ambiguous), stored,
            lookups.Lookups, lookups.Calls, Struck(faultsBefore, emulator.InjectedFaults), $"{watch.Elapsed.TotalSeconds:F1} s, 1 invocation"));
    }

    // ---- The CLI: killed `kills` times, resumed after each -----------------------------------------
    Report(await CliSideAsync(emulator, api, cliDll, "ubiops-requests run", kills));
    if (baselineCli is not null)
    {
        Report(await CliSideAsync(emulator, api, baselineCli, "baseline ubiops-requests run", kills: 0));
    }
}

Directory.Delete(scratch, recursive: true);
Console.WriteLine("| API | side | inputs | lost | executed twice | ambiguous | requests stored | lost answers looked up (last invocation) | look-up calls | faults that struck | wall |");
Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---|");
rows.ForEach(Console.WriteLine);
return 0;

// Each row as it is measured (on stderr, so a long invocation shows progress), and all at the end.
void Report(string row)
{
    Console.Error.WriteLine(row);
    rows.Add(row);
}

EmulatorOptions Options(ApiGeneration api)
{
    var options = new EmulatorOptions { Api = api, Faults = FaultOptions.Parse(Faults), Workers = 4 };
    options.AddDeployment("slow", async (input, ct) =>
    {
        await Task.Delay(50, ct);
        return input;
    });
    return options;
}

async Task<string> CliSideAsync(UbiOpsEmulator emulator, ApiGeneration api, string dll, string side, int kills)
{
    await using var proxy = await CountingProxy.StartAsync(emulator.RootUrl + "/");
    var folder = Directory.CreateDirectory(Path.Combine(scratch, "cli-" + Guid.NewGuid().ToString("N")[..8])).FullName;
    var input = Path.Combine(folder, "inputs.jsonl");
    var output = Path.Combine(folder, "results.jsonl");
    var tag = side.StartsWith("baseline", StringComparison.Ordinal) ? "baseline" : "cli";
    await File.WriteAllLinesAsync(input, Enumerable.Range(0, n).Select(i => $"{{\"side\":\"{tag}\",\"n\":{i}}}"));
    string[] run = [dll, "run", "-d", deployment, "-i", input, "-o", output, "--quiet", "--call-timeout", "1", "--retries", "10",
        "--host", proxy.BaseUrl, "--token", emulator.Token, "--project", emulator.Project];
    LoseAnswers(emulator);
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
            Console.Error.WriteLine($"  ({side} on {api} exited {exit}: {summary.Trim()})");
        }
    }
    while (exit != 0 && kills > 0 && invocations < kills + 5); // a run under faults should finish in one invocation
    watch.Stop();

    var lines = File.ReadAllLines(output).Select(JObject.Parse).ToList();
    var completed = lines.Where(l => l.Value<string>("status") == "completed").ToList();
    var wrong = completed.Count(l => l["result"]!.Value<int>("n") != l.Value<int>("index") || emulator.ExecutionCount(l.Value<string>("request_id")!) != 1);
    var stored = await StoredAsync(emulator, before);
    var lookedUp = LookupLine().Match(summary);
    return Row(api, kills > 0 ? $"{side}, killed {invocations - 1 - (exit == 0 ? 0 : 1)}x" : side, n,
        lost: n - lines.Count(l => l.Value<string>("status") is "completed" or "ambiguous"),
        twice: stored - completed.Count + wrong, ambiguous: lines.Count(l => l.Value<string>("status") == "ambiguous"), stored,
        lookups: lookedUp.Success ? long.Parse(lookedUp.Groups["lookups"].Value, CultureInfo.InvariantCulture) : 0,
        calls: lookedUp.Success ? long.Parse(lookedUp.Groups["calls"].Value, CultureInfo.InvariantCulture) : 0,
        Struck(faultsBefore, emulator.InjectedFaults),
        $"{watch.Elapsed.TotalSeconds:F1} s, {invocations} invocation(s) (final exit {exit}); lists by all invocations: {proxy.Counts().Of(ApiOperation.List)}");
}

// The 3rd, 6th and 9th batch create from now on is stored, and its answer lost.
static void LoseAnswers(UbiOpsEmulator emulator)
{
    foreach (var skip in new[] { 2, 5, 8 })
    {
        emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate) { Skip = skip });
    }
}

// Every request stored meanwhile runs once (nothing cancels them): once the emulator is idle, the
// executions since the side began are the requests it stored.
static async Task<int> StoredAsync(UbiOpsEmulator emulator, int before)
{
    var last = -1;
    while (emulator.TotalExecutions != last)
    {
        last = emulator.TotalExecutions;
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    return last - before;
}

static string Row(ApiGeneration api, string side, int inputs, int lost, int twice, int ambiguous, int stored, long lookups, long calls, string struck, string wall) =>
    $"| {api} | {side} | {inputs:N0} | {lost} | {twice} | {ambiguous} | {stored:N0} | {lookups} | {calls} | {struck} | {wall} |";

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
