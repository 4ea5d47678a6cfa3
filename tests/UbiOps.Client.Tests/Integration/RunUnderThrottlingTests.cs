using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// A thousand inputs through <see cref="DeploymentScope.RunAsync"/> while the emulator throttles (429)
/// and is slow at random: the client waits as asked and retries, and the caller sees none of it.
/// </summary>
/// <remarks>
/// A 503 is left out here on purpose: the client retries it for reads (see <see cref="ReadsUnderFaultsTests"/>)
/// but not for creates, where it counts as ambiguous (see <see cref="CreatesUnderAmbiguousFailuresTests"/>).
/// </remarks>
public sealed class RunUnderThrottlingTests
{
    private const int InputCount = 1_000;

    private LiveEmulator _live = null!;
    private List<Document> _inputs = null!;
    private List<RequestOutcome> _outcomes = null!;

    [OneTimeSetUp]
    public async Task RunAsync()
    {
        _live = await LiveEmulator.StartAsync(new FaultOptions
        {
            TooManyRequestsRate = 0.25,
            LatencyRate = 0.2,
            Latency = TimeSpan.FromMilliseconds(5),
            Seed = 1_000,
        });
        _inputs = Enumerable.Range(0, InputCount).Select(i => new Document(i, $"document {i}")).ToList();

        _outcomes = await _live.Echo
            .RunAsync(_inputs.Select(d => RequestInput.FromObject(d)), new RunOptions())
            .ToListAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _live.DisposeAsync();

    [Test]
    public void RunAsync_Throttled_YieldsOneOutcomePerInputInInputOrder()
    {
        Assert.That(_outcomes.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, InputCount).Select(i => (long)i)));
        Assert.That(_outcomes.Select(o => o.RequestId), Is.Unique);
    }

    [Test]
    public void RunAsync_Throttled_EveryResultEqualsItsInput()
    {
        Assert.That(_outcomes.Select(o => o.Status), Is.All.EqualTo(RequestStatus.Completed));
        Assert.That(_outcomes.Select(o => o.Result!.As<Document>()), Is.EqualTo(_inputs));
    }

    [Test]
    public void RunAsync_Throttled_RunsEveryInputExactlyOnce()
    {
        Assert.That(_outcomes.Select(o => _live.Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1));
        Assert.That(_live.Emulator.TotalExecutions, Is.EqualTo(InputCount));
    }

    [Test]
    public void RunAsync_Throttled_RetriedEachRefusedAttemptOnce()
    {
        var attempts = _live.Attempts();
        var refused = attempts.Count(a => a.StatusCode == 429);

        Assert.That(attempts.Where(a => a.Operation == "collect" && a.StatusCode == 429), Is.Not.Empty, "a poll was throttled");
        Assert.That(attempts.Where(a => a.Operation == "batch-create" && a.StatusCode == 429), Is.Not.Empty,
            "a create was throttled too, and a throttled create is safe to retry");
        // Each refused attempt was followed by exactly one more attempt of the same call, and no call gave up.
        Assert.That(attempts.Count(a => a.Attempt > 1), Is.EqualTo(refused));
        Assert.That(attempts.Count(a => a.StatusCode is null or >= 400 and not 429), Is.Zero);
    }

    /// <summary>A structured input; echo answers with the same fields.</summary>
    public sealed record Document(int Id, string Text);
}
