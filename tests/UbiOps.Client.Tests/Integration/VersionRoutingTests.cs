namespace UbiOps.Client.Tests.Integration;

/// <summary>
/// The default version (<c>client.Deployment(p, d)</c>) and an explicit version (<c>.Version("v2")</c>)
/// go through the same facade, and each request lands on the version it was sent to.
/// </summary>
public sealed class VersionRoutingTests
{
    private LiveEmulator _live = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _live = await LiveEmulator.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _live.DisposeAsync();

    [TestCase(null, "v1")]
    [TestCase("v1", "v1")]
    [TestCase("v2", "v2")]
    public async Task EveryOperation_VersionScope_LandsOnThatVersion(string? version, string expected)
    {
        var scope = version is null ? _live.Echo : _live.Echo.Version(version);
        var input = RequestInput.FromObject(new { version = expected, at = Guid.NewGuid() });

        var direct = await scope.CreateAsync(input);
        var batch = await scope.CreateBatchAsync([input, input]);
        var run = await scope.RunAsync([input], new RunOptions()).SingleAsync();
        var get = await scope.GetAsync(direct.Id);
        var collected = await scope.CollectAsync(batch.Select(b => b.Id));

        Assert.That(direct.Result!.AsString(), Is.EqualTo(input.ToString()));
        Assert.That(run.Result!.AsString(), Is.EqualTo(input.ToString()));
        Assert.That(
            new[] { direct.Version, get.Version, run.Detail!.Version }.Concat(batch.Select(b => b.Version)).Concat(collected.Select(c => c.Version)),
            Is.All.EqualTo(expected));
    }

    [Test]
    public async Task ListAllAsync_EachVersion_ListsOnlyItsOwnRequests()
    {
        var v1 = await _live.Echo.Version("v1").CreateBatchAsync([RequestInput.FromObject(new { n = 1 })]);
        var v2 = await _live.Echo.Version("v2").CreateBatchAsync([RequestInput.FromObject(new { n = 2 })]);

        var listedV2 = await _live.Echo.Version("v2").ListAllAsync().Select(r => r.Id).ToListAsync();
        var listedDefault = await _live.Echo.ListAllAsync().Select(r => r.Id).ToListAsync();

        Assert.That(listedV2, Does.Contain(v2[0].Id).And.Not.Contain(v1[0].Id));
        Assert.That(listedDefault, Does.Contain(v1[0].Id).And.Not.Contain(v2[0].Id));
    }

    [Test]
    public async Task GetAsync_RequestOfAnotherVersion_IsNotFound()
    {
        var v2 = await _live.Echo.Version("v2").CreateAsync(RequestInput.FromObject(new { n = 3 }));

        var error = Assert.CatchAsync<UbiOpsApiException>(() => _live.Echo.Version("v1").GetAsync(v2.Id));

        Assert.That(error!.StatusCode, Is.EqualTo(404));
    }
}
