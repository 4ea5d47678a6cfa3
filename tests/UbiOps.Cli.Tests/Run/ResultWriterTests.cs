using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

public class ResultWriterTests
{
    private string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"cli-output-{Guid.NewGuid():N}.jsonl");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public void TruncateTo_MoreLinesThanVouchedFor_CutsToThemAndCountsTheOriginal()
    {
        File.WriteAllText(_path, "a\nb\nc\nd-torn");

        var lines = ResultWriter.TruncateTo(_path, 2);

        Assert.That(lines, Is.EqualTo(3));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("a\nb\n"));
    }

    [Test]
    public void TruncateTo_FewerLinesThanVouchedFor_LeavesTheFileAlone()
    {
        File.WriteAllText(_path, "a\n");

        var lines = ResultWriter.TruncateTo(_path, 2);

        Assert.That(lines, Is.EqualTo(1));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("a\n"));
    }

    [Test]
    public async Task Write_NoLine_CreatesNoFile()
    {
        await using (new ResultWriter(_path))
        {
        }

        Assert.That(File.Exists(_path), Is.False);
    }
}
