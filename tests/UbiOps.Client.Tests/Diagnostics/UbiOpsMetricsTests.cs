using Newtonsoft.Json.Linq;
using UbiOps.Client.Tests.Integration;
using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Diagnostics;

/// <summary>
/// The client's meter as an OpenTelemetry exporter reads it: every figure is checked against an
/// independent count (the client's log of HTTP attempts, the fake server's own records).
/// </summary>
[NonParallelizable] // the meter is process-wide: other fixtures' runs would add to the counts
public sealed class UbiOpsMetricsTests
{
    private const int InputCount = 600;

    [Test]
    public async Task RunAsync_UnderTheRateLimitAndThrottled_CountsEveryCallThrottleAndWait()
    {
        await using var live = await LiveEmulator.StartAsync(
            new FaultOptions { TooManyRequestsRate = 0.5, Seed = 9 },
            new RateLimitOptions { PermitLimit = 4, Window = TimeSpan.FromSeconds(1) });
        var inputs = Enumerable.Range(0, InputCount).Select(i => RequestInput.FromObject(new { id = i })).ToArray();
        using var metrics = new MetricRecorder();

        var outcomes = await live.Echo.RunAsync(inputs, new RunOptions()).ToListAsync();

        Assert.That(outcomes.Select(o => o.Status), Is.All.EqualTo(RequestStatus.Completed));
        var attempts = live.Attempts();
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Sum("ubiops.client.http.calls"), Is.EqualTo(attempts.Count));
            foreach (var group in attempts.GroupBy(a => (a.Operation, Status: a.StatusCode!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                Assert.That(metrics.Sum("ubiops.client.http.calls", ("operation", group.Key.Operation), ("outcome", group.Key.Status)),
                    Is.EqualTo(group.Count()), $"{group.Key.Operation} answered {group.Key.Status}");
            }

            Assert.That(attempts.Count(a => a.StatusCode == 429), Is.Positive, "the emulator throttled some calls");
            Assert.That(metrics.Sum("ubiops.client.http.throttled"), Is.EqualTo(attempts.Count(a => a.StatusCode == 429)));
            Assert.That(metrics.Sum("ubiops.client.rate_limit.waits"), Is.Positive, "4 calls a second: the run waited for the window");
            Assert.That(metrics.Count("ubiops.client.rate_limit.wait_duration"), Is.EqualTo(metrics.Sum("ubiops.client.rate_limit.waits")));
            Assert.That(metrics.Sum("ubiops.client.rate_limit.wait_duration"), Is.Positive);
            Assert.That(metrics.Sum("ubiops.client.run.inputs_submitted"), Is.EqualTo(InputCount));
            Assert.That(metrics.Sum("ubiops.client.run.requests_finished", ("status", "completed")), Is.EqualTo(InputCount));
            Assert.That(metrics.Sum("ubiops.client.run.inputs_rejected"), Is.Zero);
        });
    }

    [Test]
    public async Task RunAsync_FailedCancelledAndRefusedInputs_CountedByStatusAndAsRejected()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api)
        {
            StatusOf = (id, _) => id == "req-1" ? "failed" : id == "req-2" ? "cancelled" : "completed",
            Refuse = input => input.Value<string>() == "3",
        };
        using var metrics = new MetricRecorder();

        var outcomes = await api.Echo.RunAsync(
            Enumerable.Range(0, 10).Select(i => (RequestInput)i.ToString()),
            new RunOptions { TimeProvider = new InstantTimeProvider() }).ToListAsync();

        Assert.That(outcomes, Has.Count.EqualTo(10));
        Assert.Multiple(() =>
        {
            Assert.That(metrics.Sum("ubiops.client.run.inputs_submitted"), Is.EqualTo(server.CreatedIds.Count).And.EqualTo(9));
            Assert.That(metrics.Sum("ubiops.client.run.inputs_rejected"), Is.EqualTo(1));
            Assert.That(metrics.Sum("ubiops.client.run.requests_finished", ("status", "failed")), Is.EqualTo(1));
            Assert.That(metrics.Sum("ubiops.client.run.requests_finished", ("status", "cancelled")), Is.EqualTo(1));
            Assert.That(metrics.Sum("ubiops.client.run.requests_finished", ("status", "completed")), Is.EqualTo(7));
        });
    }
}
