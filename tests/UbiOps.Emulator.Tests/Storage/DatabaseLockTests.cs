using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Storage;

/// <summary>One database serves one emulator at a time; deleting one that is in use is refused.</summary>
public sealed class DatabaseLockTests
{
    private string _database = null!;

    [SetUp]
    public void ChoosePath() => _database = Path.Combine(Path.GetTempPath(), $"ubiops-emulator-tests-{Guid.NewGuid():N}.db");

    [TearDown]
    public void DeleteFiles()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm", ".lock" })
        {
            File.Delete(_database + suffix);
        }
    }

    [Test]
    public async Task StartAsync_DatabaseInUse_ThrowsDatabaseInUseException()
    {
        await using var first = await TestEmulator.StartAsync(o => o.DatabasePath = _database);

        var error = Assert.ThrowsAsync<DatabaseInUseException>(() => TestEmulator.StartAsync(o => o.DatabasePath = _database));

        Assert.That(error!.DatabasePath, Is.EqualTo(_database));
        Assert.That(error.Message, Does.Contain(_database).And.Contain("in use"));
    }

    [Test]
    public async Task StartAsync_AfterTheFirstStopped_OpensTheSameRequests()
    {
        string id;
        await using (var first = await TestEmulator.StartAsync(o => o.DatabasePath = _database))
        {
            id = (await TestEmulator.Client(first).Deployment_requests_createAsync(new JObject { ["kept"] = true }, "demo", "echo")).Id;
        }

        await using var second = await TestEmulator.StartAsync(o => o.DatabasePath = _database);
        var kept = await TestEmulator.Client(second).Deployment_requests_getAsync("demo", "echo", id);

        Assert.That(kept.Status, Is.EqualTo(RequestStatus.Completed));
    }

    [Test]
    public async Task DeleteDatabase_InUse_ThrowsAndKeepsIt()
    {
        await using var running = await TestEmulator.StartAsync(o => o.DatabasePath = _database);

        Assert.Throws<DatabaseInUseException>(() => UbiOpsEmulator.DeleteDatabase(_database));
        Assert.That(File.Exists(_database), Is.True);
    }

    [Test]
    public async Task DeleteDatabase_NotInUse_DeletesItsFilesAndTheNextStartIsEmpty()
    {
        string id;
        await using (var first = await TestEmulator.StartAsync(o => o.DatabasePath = _database))
        {
            id = (await TestEmulator.Client(first).Deployment_requests_createAsync(new JObject { ["gone"] = true }, "demo", "echo")).Id;
        }

        var deleted = UbiOpsEmulator.DeleteDatabase(_database);

        Assert.That(deleted, Is.True);
        Assert.That(new[] { "", "-wal", "-shm", ".lock" }.Select(s => File.Exists(_database + s)), Is.All.False);
        await using var next = await TestEmulator.StartAsync(o => o.DatabasePath = _database);
        var error = Assert.CatchAsync<UbiOpsApiException>(() => TestEmulator.Client(next).Deployment_requests_getAsync("demo", "echo", id));
        Assert.That(error!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public void DeleteDatabase_NoneThere_AnswersFalse() =>
        Assert.That(UbiOpsEmulator.DeleteDatabase(_database), Is.False);
}
