using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Execution;

/// <summary>Waiting high-priority requests start before waiting standard ones (today's service reads <c>priority</c>).</summary>
public sealed class PriorityTests
{
    [Test]
    public async Task BatchCreate_HighPriorityAfterStandard_StartsBeforeTheWaitingStandardOnes()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        await client.Batch_deployment_requests_createAsync(Inputs("first", "standard-1", "standard-2"), "demo", "gated");
        await gate.WaitStartedAsync(); // the one worker holds "first"; the rest wait
        await client.Batch_deployment_requests_createAsync(Inputs("high-1", "high-2"), "demo", "gated", priority: RequestPriority.High);

        gate.Open();
        await gate.WaitStartedAsync(4);

        Assert.That(gate.Inputs.Select(i => i.Value<string>("name")), Is.EqualTo(new[] { "first", "high-1", "high-2", "standard-1", "standard-2" }));
    }

    [Test]
    public async Task BatchCreate_PriorityOn2024_07_IsIgnored()
    {
        var gate = new GatedHandler();
        await using var emulator = await TestEmulator.StartAsync(o => { o.Api = ApiGeneration.July2024; o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
        var client = TestEmulator.Client(emulator);
        await client.Batch_deployment_requests_createAsync(Inputs("first", "standard-1"), "demo", "gated");
        await gate.WaitStartedAsync();
        await client.Batch_deployment_requests_createAsync(Inputs("high-1"), "demo", "gated", priority: RequestPriority.High);

        gate.Open();
        await gate.WaitStartedAsync(2);

        Assert.That(gate.Inputs.Select(i => i.Value<string>("name")), Is.EqualTo(new[] { "first", "standard-1", "high-1" }));
    }

    [Test]
    public async Task Restart_PendingRequests_HighPriorityRunFirst()
    {
        var database = Path.Combine(Path.GetTempPath(), $"priority-{Guid.NewGuid():N}.db");
        try
        {
            var held = new GatedHandler();
            await using (var first = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Workers = 1; o.AddDeployment("gated", held.HandleAsync); }))
            {
                var client = TestEmulator.Client(first);
                await client.Batch_deployment_requests_createAsync(Inputs("first", "standard-1"), "demo", "gated");
                await held.WaitStartedAsync();
                await client.Batch_deployment_requests_createAsync(Inputs("high-1"), "demo", "gated", priority: RequestPriority.High);
            }

            var gate = new GatedHandler();
            await using var second = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Workers = 1; o.AddDeployment("gated", gate.HandleAsync); });
            gate.Open();
            await gate.WaitStartedAsync(3);

            // "first" was processing when the emulator stopped: it goes back to the queue as standard work.
            Assert.That(gate.Inputs.Select(i => i.Value<string>("name")).First(), Is.EqualTo("high-1"));
        }
        finally
        {
            UbiOpsEmulator.DeleteDatabase(database);
        }
    }

    private static RequestInput[] Inputs(params string[] names) => names.Select(n => (RequestInput)new JObject { ["name"] = n }).ToArray();
}
