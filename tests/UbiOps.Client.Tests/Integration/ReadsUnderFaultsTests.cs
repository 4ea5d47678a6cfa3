using UbiOps.Emulator;

namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// Reads are safe to repeat: collect, list and get come through 500, 503, 429 and dropped
/// connections by retrying, and return exactly what is stored.
/// </summary>
public sealed class ReadsUnderFaultsTests
{
    private const int RequestCount = 300;

    private LiveEmulator _live = null!;
    private RequestInput[] _inputs = null!;
    private string[] _ids = null!;

    [OneTimeSetUp]
    public async Task CreateRequestsThenTurnOnFaultsAsync()
    {
        _live = await LiveEmulator.StartAsync();
        _inputs = Enumerable.Range(0, RequestCount).Select(i => RequestInput.FromObject(new { id = i })).ToArray();
        _ids = (await _live.Echo.CreateBatchAsync(_inputs)).Select(r => r.Id).ToArray();
        await _live.Echo.WaitAsync(_ids, LiveEmulator.FastWait).ToListAsync();
    }

    [SetUp]
    public void TurnOnFaults() => _live.Emulator.Faults = new FaultOptions
    {
        InternalErrorRate = 0.1, UnavailableRate = 0.1, TooManyRequestsRate = 0.1, DropRate = 0.1, Seed = 3,
    };

    [OneTimeTearDown]
    public async Task StopAsync() => await _live.DisposeAsync();

    [Test]
    public async Task CollectAsync_UnderFaults_ReturnsEveryRequestWithItsResult()
    {
        var before = _live.Attempts().Count;

        var collected = await _live.Echo.CollectAsync(_ids);

        Assert.That(collected.Select(d => d.Id), Is.EqualTo(_ids));
        Assert.That(collected.Select(d => d.Result!.AsString()), Is.EqualTo(_inputs.Select(i => i.ToString())));
        AssertRetriedThroughFaults(before, "collect");
    }

    [Test]
    public async Task ListAllAsync_UnderFaults_ListsEveryRequestOnce()
    {
        var before = _live.Attempts().Count;

        var listed = await _live.Echo.ListAllAsync(new RequestFilter { Limit = 25 }).ToListAsync();

        Assert.That(listed.Select(r => r.Id), Is.EquivalentTo(_ids));
        Assert.That(listed.Select(r => r.Status), Is.All.EqualTo(RequestStatus.Completed));
        AssertRetriedThroughFaults(before, "list");
    }

    [Test]
    public async Task GetAsync_UnderFaults_ReturnsEachRequestWithItsResult()
    {
        var before = _live.Attempts().Count;
        var sample = Enumerable.Range(0, 40).Select(i => i * 7).ToArray();

        var details = await Task.WhenAll(sample.Select(i => _live.Echo.GetAsync(_ids[i])));

        Assert.That(details.Select(d => d.Id), Is.EqualTo(sample.Select(i => _ids[i])));
        Assert.That(details.Select(d => d.Result!.AsString()), Is.EqualTo(sample.Select(i => _inputs[i].ToString())));
        AssertRetriedThroughFaults(before, "get");
    }

    /// <summary>Faults answered this test's reads, and each was retried until the read succeeded.</summary>
    private void AssertRetriedThroughFaults(int before, string operation)
    {
        var attempts = _live.Attempts().Skip(before).Where(a => a.Operation == operation).ToList();
        var faulted = attempts.Count(a => a.StatusCode is null or >= 400);
        Assert.That(faulted, Is.GreaterThan(0), "the seeded faults fired");
        Assert.That(attempts.Count(a => a.Attempt > 1), Is.EqualTo(faulted), "each faulted attempt was followed by one retry");
    }
}
