using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// Two thousand inputs through <see cref="DeploymentScope.RunAsync(IEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>
/// while the emulator injects every fault kind at once, before handling and after commit, at random
/// and (so each surely strikes) on the first batch creates: one call, every input run exactly once.
/// </summary>
public sealed class ChaosTests
{
    private const int InputCount = 2_000; // eight batches: enough for every rule below

    [Test]
    public async Task RunAsync_EveryFaultKindAtOnce_FinishesInOneCallWithEachInputRunOnce()
    {
        await using var live = await LiveEmulator.StartAsync(
            FaultOptions.Parse("429=0.03,500=0.02,503=0.02,drop=0.02,500-after=0.02,502-after=0.02,504-after=0.02,drop-after=0.02,delay-after=2s@0.02,latency=10ms@0.1"),
            resilience: r =>
            {
                r.AttemptTimeout = TimeSpan.FromSeconds(1);
                r.BatchCreateTimeout = TimeSpan.FromSeconds(1);
            });
        var rules = new[] { FaultKind.DropAfterCommit, FaultKind.InternalErrorAfterCommit, FaultKind.BadGatewayAfterCommit,
                FaultKind.GatewayTimeoutAfterCommit, FaultKind.DelayAfterCommit, FaultKind.InternalError, FaultKind.Drop }
            .Select(kind => live.Emulator.AddFaultRule(new FaultRule(kind, ApiOperation.BatchCreate) { Delay = TimeSpan.FromSeconds(2) }))
            .ToList();
        var inputs = Enumerable.Range(0, InputCount).Select(i => RequestInput.FromObject(new { id = i })).ToArray();

        var outcomes = await live.Echo.RunAsync(inputs).ToListAsync();

        Assert.That(rules.Select(r => r.Fired), Is.All.EqualTo(1), "each kind struck a batch create");
        Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished), "none lost, none ambiguous");
        Assert.That(outcomes.Select(o => o.Result!.AsString()), Is.EqualTo(inputs.Select(i => i.ToString())));
        Assert.That(outcomes.Select(o => o.RequestId), Is.Unique);
        Assert.That(outcomes.Select(o => live.Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1));
        Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount), "no input ran twice");
    }
}
