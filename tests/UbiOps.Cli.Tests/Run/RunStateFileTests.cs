using UbiOps.Cli.Errors;
using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

public class RunStateFileTests
{
    private string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"cli-state-{Guid.NewGuid():N}.state");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public async Task OpenAsync_AfterAppends_RecallsTheIdsFromTheResumePointOn()
    {
        await using (var state = await RunStateFile.OpenAsync(_path, "target", 0, CancellationToken.None))
        {
            await state.AppendAsync([(0, "id-0"), (1, "id-1"), (2, "id-2")]);
        }

        await using var reopened = await RunStateFile.OpenAsync(_path, "target", 1, CancellationToken.None);

        Assert.That(reopened.Recorded, Is.EqualTo(new Dictionary<long, string> { [1] = "id-1", [2] = "id-2" }));
        Assert.That(File.ReadAllLines(_path), Has.Length.EqualTo(3), "the header and the two entries still pending");
    }

    [Test]
    public async Task OpenAsync_LineTornByAKill_IsIgnored()
    {
        await using (var state = await RunStateFile.OpenAsync(_path, "target", 0, CancellationToken.None))
        {
            await state.AppendAsync([(0, "id-0")]);
        }

        File.AppendAllText(_path, "{\"index\":1,\"reque");

        await using var reopened = await RunStateFile.OpenAsync(_path, "target", 0, CancellationToken.None);

        Assert.That(reopened.Recorded.Keys, Is.EqualTo(new[] { 0L }));
    }

    [Test]
    public async Task OpenAsync_StateOfAnotherTarget_IsAUsageError()
    {
        await using (var state = await RunStateFile.OpenAsync(_path, "demo/echo", 0, CancellationToken.None))
        {
            await state.AppendAsync([(0, "id-0")]);
        }

        Assert.That(
            async () => await RunStateFile.OpenAsync(_path, "demo/other", 0, CancellationToken.None),
            Throws.TypeOf<CliUsageException>().With.Message.Contains("demo/echo"));
    }
}
