using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;
using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Chaos;

/// <summary>
/// <c>run</c> killed with SIGKILL (no handler runs) and run again: every input runs exactly once,
/// by the emulator's own execution counts, also when the kill falls between the server storing a
/// batch and the run recording it.
/// </summary>
public sealed class RunKilledTests
{
    private const int InputCount = 2_000;

    private UbiOpsEmulator _emulator = null!;
    private TempDirectory _directory = null!;

    [SetUp]
    public async Task StartAsync()
    {
        _emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions());
        _directory = new TempDirectory();
    }

    [TearDown]
    public async Task StopAsync()
    {
        _directory.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task Run_KilledWhileTheServerHeldTheAnswerOfABatchItHadStored_ResumeAdoptsTheBatch()
    {
        // The second batch is stored, then its answer is held for a minute: the run is killed while
        // it waits, so its state has the batch's intent and not its acceptance.
        _emulator.AddFaultRule(new FaultRule(FaultKind.DelayAfterCommit, ApiOperation.BatchCreate) { Skip = 1, Delay = TimeSpan.FromMinutes(1) });
        var args = Args();

        using (var first = CliProcess.Start(args))
        {
            await WaitUntilAsync(() => _emulator.InjectedFaults.GetValueOrDefault(FaultKind.DelayAfterCommit) == 1 || first.HasExited);
            await first.KillAsync();
        }

        var state = File.ReadAllLines(Output + ".state");
        var sending = state.Where(l => l.StartsWith("{\"sending\"", StringComparison.Ordinal)).Select(l => JObject.Parse(l)["sending"]!).ToList();
        Assert.That(sending, Has.Count.EqualTo(2), "both batches' intents were recorded before they were sent");
        Assert.That(sending[1].Select(i => i[0]!.Value<long>()), Is.EqualTo(Enumerable.Range(250, 250).Select(i => (long)i)));
        Assert.That(state.Count(l => l.StartsWith("{\"sending\"", StringComparison.Ordinal)), Is.EqualTo(2), "the run sent nothing after the held batch");
        Assert.That(state.Where(l => l.Contains("\"accepted\"")).SelectMany(l => JObject.Parse(l)["accepted"]!).Select(a => a[0]!.Value<long>()),
            Is.EqualTo(Enumerable.Range(0, 250).Select(i => (long)i)), "only the first batch's acceptance reached the state");
        Assert.That(_emulator.TotalExecutions, Is.EqualTo(500), "the server stored and ran both batches (creates go one at a time)");

        var resumed = await InProcessCli.RunAsync(args);

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(resumed.Error, Does.Contain("250 input(s) whose batch was being sent when it stopped are looked up on the server"));
        AssertEveryInputRanOnce();
    }

    [Test]
    public async Task Run_KilledAtRandomMomentsUnderEveryFault_EveryInputRunsExactlyOnce()
    {
        _emulator.Faults = FaultOptions.Parse(
            "429=0.03,500=0.02,503=0.02,drop=0.02,500-after=0.02,502-after=0.02,504-after=0.02,drop-after=0.02,delay-after=3s@0.02,latency=20ms@0.1");
        // On top of the random faults, each kind after commit surely strikes a batch create.
        var rules = new[] { FaultKind.DropAfterCommit, FaultKind.InternalErrorAfterCommit, FaultKind.BadGatewayAfterCommit,
                FaultKind.GatewayTimeoutAfterCommit, FaultKind.DelayAfterCommit }
            .Select(kind => _emulator.AddFaultRule(new FaultRule(kind, ApiOperation.BatchCreate) { Delay = TimeSpan.FromSeconds(3) }))
            .ToList();
        var args = Args("--call-timeout", "1", "--retries", "10");
        var random = new Random(20261201);

        for (var kill = 0; kill < 4; kill++)
        {
            using var run = CliProcess.Start(args);
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(400, 2500)));
            await run.KillAsync();
        }

        var final = await InProcessCli.RunAsync(args);

        Assert.That(final.ExitCode, Is.EqualTo(0), final.ToString());
        Assert.That(rules.Select(r => r.Fired), Is.All.EqualTo(1), "every kind of fault after commit struck a batch create");
        AssertEveryInputRanOnce();
    }

    private string Output => _directory.File("results.jsonl");

    private string[] Args(params string[] more)
    {
        var input = _directory.Write("in.jsonl", string.Concat(Enumerable.Range(0, InputCount).Select(n => $"{{\"n\":{n}}}\n")));
        return [
            "run", "-d", "echo", "-i", input, "-o", Output, "--poll-interval", "0.05",
            "--host", _emulator.BaseUrl, "--token", _emulator.Token, "--project", _emulator.Project, .. more,
        ];
    }

    private void AssertEveryInputRanOnce()
    {
        var lines = File.ReadAllLines(Output).Select(JObject.Parse).ToList();
        Assert.That(lines.Select(l => l.Value<int>("index")), Is.EqualTo(Enumerable.Range(0, InputCount)));
        Assert.That(lines.Select(l => l.Value<string>("status")), Is.All.EqualTo("completed"));
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, InputCount)));
        var ids = lines.Select(l => l.Value<string>("request_id")!).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(ids.Select(_emulator.ExecutionCount), Is.All.EqualTo(1));
        Assert.That(_emulator.TotalExecutions, Is.EqualTo(InputCount), "no input ran twice, none was lost");
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(5, limit.Token);
        }
    }
}
