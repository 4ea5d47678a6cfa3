using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// Lost create answers on a deployment slow enough that the lost batch is still waiting when it is
/// looked up, on either generation of the API: today's list shows no pending request unless asked
/// for one, and takes no dates for them. The client is not told which generation it talks to.
/// </summary>
public sealed class LostAnswerGenerationsTests
{
    private const int InputCount = 600; // three batches

    private static readonly ApiGeneration[] Generations = [ApiGeneration.July2024, ApiGeneration.December2025];

    // A few milliseconds each, one at a time: the lost batch waits behind the first.
    private static RequestInput[] Inputs(int count = InputCount) =>
        Enumerable.Range(0, count).Select(i => RequestInput.FromObject(new { seconds = 0.004, id = i })).ToArray();

    private static Task<LiveEmulator> StartAsync(ApiGeneration api) => LiveEmulator.StartAsync(
        resilience: r => r.BatchCreateTimeout = TimeSpan.FromSeconds(1),
        emulatorOptions: o => { o.Api = api; o.Workers = 1; });

    private static DeploymentScope Sleep(LiveEmulator live) => live.Client.Deployment(live.Emulator.Project, "sleep");

    [TestCaseSource(nameof(Generations))]
    public async Task RunAsync_LostBatchStillPending_AdoptedAndEveryInputRunOnce(ApiGeneration api)
    {
        await using var live = await StartAsync(api);
        var rule = live.Emulator.AddFaultRule(new FaultRule(FaultKind.DropAfterCommit, ApiOperation.BatchCreate) { Skip = 1 });

        var outcomes = await Sleep(live).RunAsync(Inputs(), new RunOptions { FirstPollDelay = TimeSpan.FromMilliseconds(50) }).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(rule.Fired, Is.EqualTo(1));
            Assert.That(outcomes.Select(o => o.Kind), Is.All.EqualTo(OutcomeKind.Finished));
            Assert.That(outcomes.Select(o => live.Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1));
            Assert.That(outcomes.Select(o => o.RequestId), Is.Unique);
            Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount), "no input ran twice");
            Assert.That(live.Sent("batch-create"), Is.EqualTo(3), "the lost batch was found, not sent again");
        });
    }

    [TestCaseSource(nameof(Generations))]
    public async Task CreateBatchAsync_LostBatchStillPending_ReturnsItsRequests(ApiGeneration api)
    {
        await using var live = await StartAsync(api);
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.GatewayTimeoutAfterCommit, ApiOperation.BatchCreate) { Skip = 1 });

        var created = await Sleep(live).CreateBatchAsync(Inputs(), new BatchCreateOptions { MaxConcurrency = 1 });
        var ids = created.Select(c => c.Id).ToArray();
        await Sleep(live).WaitAsync(ids, LiveEmulator.FastWait).ToListAsync();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Unique.And.Length.EqualTo(InputCount));
            Assert.That(ids.Select(live.Emulator.ExecutionCount), Is.All.EqualTo(1));
            Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
        });
    }

    [TestCaseSource(nameof(Generations))]
    public async Task CreateAsync_LostDirectAnswer_FindsTheRequestOnEitherGeneration(ApiGeneration api)
    {
        await using var live = await StartAsync(api);
        live.Emulator.AddFaultRule(new FaultRule(FaultKind.BadGatewayAfterCommit, ApiOperation.DirectCreate));

        var created = await Sleep(live).CreateAsync(RequestInput.FromObject(new { seconds = 0.2, id = 1 }));

        Assert.Multiple(() =>
        {
            Assert.That(created.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(live.Emulator.TotalExecutions, Is.EqualTo(1));
            Assert.That(live.Sent("direct-create"), Is.EqualTo(1));
        });
    }
}
