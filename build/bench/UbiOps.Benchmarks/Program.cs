using System.Diagnostics;
using System.Globalization;
using UbiOps.Client;

// The run engine against the simplest scripts users write instead, side by side in one run:
//   under the real service's rate limit (300 calls per minute per address), one standalone emulator:
//     the engine through the library and through the CLI, the hand-written collect loop, and (at a
//     smaller N) waiting per request;
//   without a rate limit, a second emulator: 10,000 echo inputs (calls, and wall against the
//     emulator's own processing time), and a slow deployment (sleep 0.5 s, 4 workers).
// Every side sends through one counting proxy, so calls and 429s are counted the same way.
//   build/bench/run-engine.sh [inputs-under-limit=50000] [per-request-inputs=1000] [unlimited-inputs=10000] [slow-inputs=2000]
var repository = args.Length > 0 ? args[0] : throw new ArgumentException("usage: UbiOps.Benchmarks <repository-root> [n-limited] [n-per-request] [n-unlimited] [n-slow]");
var nLimited = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
var nPerRequest = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000;
var nUnlimited = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 10_000;
var nSlow = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 2_000;
var toolDll = Path.Combine(repository, "src/UbiOps.Emulator.Tool/bin/Release/net10.0/ubiops-emulator.dll");
var cliDll = Path.Combine(repository, "src/UbiOps.Cli/bin/Release/net10.0/ubiops-requests.dll");
var scratch = Directory.CreateTempSubdirectory("ubiops-bench-").FullName;
var results = new List<SideResult>();
var scenario = "";

void Report(SideResult result)
{
    results.Add(result with { Scenario = scenario });
    Console.Error.WriteLine($"  {result.Side}: {result.Inputs} inputs, {result.Wall.TotalSeconds:F1} s, {result.Calls.Total} calls, {result.Calls.Throttled} x 429");
}

// ---- Under the rate limit (0 inputs skips it) ------------------------------------------------
if (nLimited > 0)
await using (var limited = await EmulatorProcess.StartAsync(toolDll, "--rate-limit", "300/min"))
await using (var proxy = await CountingProxy.StartAsync(limited.RootUrl))
{
    async Task FreshWindowAsync()
    {
        // Calls straight to the emulator (same address, not counted) find the moment its window
        // turns, so every side starts at the same point of a fresh window: the first call of the
        // new window is this probe's (one of its 300), the next is the side's.
        using var http = new HttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + EmulatorProcess.Token);
        var probe = limited.BaseUrl + "/projects/demo/deployments/echo/requests?limit=1";
        using (var first = await http.GetAsync(probe))
        {
            var reset = RateLimitHeaders.Seconds(first) ?? TimeSpan.FromMinutes(1);
            Console.Error.WriteLine($"  (waiting {reset.TotalSeconds:F0} s for a fresh rate-limit window)");
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, reset.TotalSeconds - 1.5)));
        }

        while (true)
        {
            using var answer = await http.GetAsync(probe);
            if (answer.IsSuccessStatusCode && RateLimitHeaders.Read(answer) is { } window && window.Remaining == window.Limit - 1)
            {
                break;
            }

            await Task.Delay(10);
        }

        proxy.Reset();
    }

    scenario = "300/min, echo";
    Console.Error.WriteLine($"Under --rate-limit 300/min, {nLimited} echo inputs:");
    var inputs = Sides.Inputs(nLimited);
    await FreshWindowAsync();
    var engine = await Sides.EngineAsync(proxy.BaseUrl, "echo", inputs);
    Report(SideResult.Measure("engine (library RunAsync)", nLimited, engine.Wall, proxy.Reset(), null, null));

    await FreshWindowAsync();
    var cli = await Sides.CliAsync(cliDll, proxy.BaseUrl, "echo", inputs, scratch);
    Report(SideResult.Measure("engine (ubiops-requests run)", nLimited, cli.Wall, proxy.Reset(), null, null));

    await FreshWindowAsync();
    var loop = await Sides.CollectLoopAsync(proxy.BaseUrl, "echo", inputs);
    Report(SideResult.Measure("collect loop (hand-written)", nLimited, loop, proxy.Reset(), null, null));

    Console.Error.WriteLine($"Under --rate-limit 300/min, {nPerRequest} echo inputs:");
    var few = Sides.Inputs(nPerRequest);
    await FreshWindowAsync();
    var engineFew = await Sides.EngineAsync(proxy.BaseUrl, "echo", few);
    Report(SideResult.Measure("engine (library RunAsync)", nPerRequest, engineFew.Wall, proxy.Reset(), null, null));

    await FreshWindowAsync();
    var perRequest = await Sides.PerRequestAsync(proxy.BaseUrl, "echo", few);
    Report(SideResult.Measure("per-request wait (GET every 4 s)", nPerRequest, perRequest, proxy.Reset(), null, null));
}

// ---- Without a rate limit (0 inputs skips it) ------------------------------------------------
if (nUnlimited > 0)
await using (var unlimited = await EmulatorProcess.StartAsync(toolDll, "--workers", "4"))
await using (var proxy = await CountingProxy.StartAsync(unlimited.RootUrl))
{
    scenario = "no limit, echo";
    Console.Error.WriteLine($"No rate limit, {nUnlimited} echo inputs:");
    var inputs = Sides.Inputs(nUnlimited);
    await Sides.EngineAsync(proxy.BaseUrl, "echo", Sides.Inputs(500)); // warm-up (JIT, connections)
    proxy.Reset();
    var engine = await Sides.EngineAsync(proxy.BaseUrl, "echo", inputs);
    Report(SideResult.Measure("engine (library RunAsync)", nUnlimited, engine.Wall, proxy.Reset(), engine.Details, engine.LastSeen));

    var cli = await Sides.CliAsync(cliDll, proxy.BaseUrl, "echo", inputs, scratch);
    var cliCalls = proxy.Reset();
    var cliDetails = await Sides.CollectAllAsync(unlimited.BaseUrl, "echo", cli.RequestIds);
    Report(SideResult.Measure("engine (ubiops-requests run)", nUnlimited, cli.Wall, cliCalls, cliDetails, null));

    var loop = await Sides.CollectLoopAsync(proxy.BaseUrl, "echo", inputs);
    Report(SideResult.Measure("collect loop (hand-written)", nUnlimited, loop, proxy.Reset(), null, null));

    if (nSlow > 0)
    {
    scenario = "no limit, sleep 0.5 s";
    Console.Error.WriteLine($"No rate limit, slow deployment (sleep 0.5 s, 4 workers), {nSlow} inputs:");
    var slow = await Sides.EngineAsync(proxy.BaseUrl, "sleep", Sides.Inputs(nSlow, _ => new { seconds = 0.5 }));
    Report(SideResult.Measure("engine (library RunAsync), sleep", nSlow, slow.Wall, proxy.Reset(), slow.Details, slow.LastSeen));
    }
}

Directory.Delete(scratch, recursive: true);
Console.WriteLine(Table.Render(results));
