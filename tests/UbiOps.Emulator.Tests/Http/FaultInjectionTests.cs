using System.Net;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed class FaultInjectionTests
{
    [TestCase("500=1", HttpStatusCode.InternalServerError)]
    [TestCase("503=1", HttpStatusCode.ServiceUnavailable)]
    [TestCase("429=1", HttpStatusCode.TooManyRequests)]
    public async Task InjectedFailure_HappensBeforeAnythingIsStoredOrRun(string faults, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults = FaultOptions.Parse(faults));
        var client = TestEmulator.Client(emulator);

        var direct = Assert.CatchAsync<UbiOpsApiException>(() => client.Deployment_requests_createAsync(new JObject(), "demo", "echo"));
        var batch = Assert.CatchAsync<UbiOpsApiException>(() => client.Batch_deployment_requests_createAsync([new JObject()], "demo", "echo"));
        emulator.Faults = null;
        var stored = await client.Deployment_requests_listAsync("demo", "echo");

        Assert.That((direct!.StatusCode, batch!.StatusCode), Is.EqualTo(((int)expected, (int)expected)));
        Assert.That(direct.Error, Does.Contain("injected fault"));
        Assert.That(stored, Is.Empty, "nothing was stored");
        Assert.That(emulator.TotalExecutions, Is.EqualTo(0), "nothing ran");
    }

    [Test]
    public async Task InjectedDrop_AbortsTheConnectionWithoutAnswer()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults = FaultOptions.Parse("drop=1"));
        var client = TestEmulator.Client(emulator);

        Assert.CatchAsync<HttpRequestException>(() => client.Deployment_requests_createAsync(new JObject(), "demo", "echo"));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(0));
    }

    [Test]
    public async Task InjectedLatency_StillHandlesTheCall()
    {
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults = FaultOptions.Parse("latency=30ms@1"));
        var client = TestEmulator.Client(emulator);

        var response = await client.Deployment_requests_createAsync(new JObject { ["a"] = 1 }, "demo", "echo");

        Assert.That(response.Status, Is.EqualTo(RequestStatus.Completed));
    }

    [Test]
    public async Task MixedFaults_RetryingClient_RunsEveryAcceptedRequestExactlyOnce()
    {
        var faults = new FaultOptions { TooManyRequestsRate = 0.2, InternalErrorRate = 0.1, UnavailableRate = 0.1, DropRate = 0.05, Seed = 7 };
        await using var emulator = await TestEmulator.StartAsync(o => o.Faults = faults);
        var client = TestEmulator.Client(emulator);
        var accepted = new List<string>();
        var failures = 0;

        for (var i = 0; i < 40; i++)
        {
            for (var attempt = 0; attempt < 20; attempt++)
            {
                try
                {
                    accepted.Add((await client.Deployment_requests_createAsync(new JObject { ["i"] = i }, "demo", "echo")).Id);
                    break;
                }
                catch (Exception ex) when (ex is UbiOpsApiException or HttpRequestException)
                {
                    failures++; // every injected failure is safe to retry: nothing was stored
                }
            }
        }

        emulator.Faults = null;
        var stored = await client.Deployment_requests_listAsync("demo", "echo", limit: 1000);
        Assert.That(failures, Is.GreaterThan(0), "the seeded faults did fire");
        Assert.That(accepted, Has.Count.EqualTo(40));
        Assert.That(stored.Select(s => s.Id), Is.EquivalentTo(accepted), "exactly the accepted requests exist");
        Assert.That(accepted.Select(emulator.ExecutionCount), Is.All.EqualTo(1));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(40));
    }

    [Test]
    public void Parse_FullSpecification_ReadsEveryFault()
    {
        var options = FaultOptions.Parse("429=0.1,500=0.05,503=0.05,latency=200ms@0.2,drop=0.01");

        Assert.That(
            (options.TooManyRequestsRate, options.InternalErrorRate, options.UnavailableRate, options.Latency, options.LatencyRate, options.DropRate),
            Is.EqualTo((0.1, 0.05, 0.05, TimeSpan.FromMilliseconds(200), 0.2, 0.01)));
    }

    [Test]
    public void Parse_AfterCommitKinds_ReadsEveryRateAndTheDelay()
    {
        var options = FaultOptions.Parse("500-after=0.01,502-after=0.02,504-after=0.03,drop-after=0.04,delay-after=5s@0.05");

        Assert.That(
            (options.InternalErrorAfterCommitRate, options.BadGatewayAfterCommitRate, options.GatewayTimeoutAfterCommitRate,
                options.DropAfterCommitRate, options.DelayAfterCommitRate, options.DelayAfterCommit),
            Is.EqualTo((0.01, 0.02, 0.03, 0.04, 0.05, TimeSpan.FromSeconds(5))));
    }

    [Test]
    public void Parse_UnknownKind_NamesEveryKnownKind() =>
        Assert.That(() => FaultOptions.Parse("418=0.1"), Throws.InstanceOf<FormatException>()
            .With.Message.Contains("429, 500, 503, drop, 500-after, 502-after, 504-after, drop-after, delay-after"));

    [Test]
    public void Validate_BeforeAndAfterFailuresOverOne_ThrowsArgumentException() =>
        Assert.That(() => FaultOptions.Parse("500=0.5,drop-after=0.6").Validate(), Throws.ArgumentException);

    [TestCase("500")]
    [TestCase("500=2")]
    [TestCase("404=0.1")]
    [TestCase("latency=fast@0.1")]
    public void Parse_Invalid_ThrowsFormatException(string text) =>
        Assert.That(() => FaultOptions.Parse(text), Throws.InstanceOf<FormatException>());

    [Test]
    public void Validate_ProbabilitiesOverOne_ThrowsArgumentException() =>
        Assert.That(() => FaultOptions.Parse("500=0.6,503=0.6").Validate(), Throws.ArgumentException);
}
