using UbiOps.Cli.Errors;
using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

public class ExistingOutputTests
{
    private string _path = null!;

    [SetUp]
    public void SetUp() => _path = Path.Combine(Path.GetTempPath(), $"cli-output-{Guid.NewGuid():N}.jsonl");

    [TearDown]
    public void TearDown() => File.Delete(_path);

    [Test]
    public void Scan_NoFile_IsEmpty()
    {
        Assert.That(ExistingOutput.Scan(_path), Is.EqualTo(ExistingOutput.None));
    }

    [Test]
    public void Scan_CompleteLines_CountsThemAndTheFailedOnes()
    {
        File.WriteAllText(_path,
            "{\"index\":0,\"request_id\":\"a\",\"status\":\"completed\",\"result\":1}\n" +
            "{\"index\":1,\"request_id\":\"b\",\"status\":\"failed\",\"error\":\"boom\"}\n");

        Assert.That(ExistingOutput.Scan(_path), Is.EqualTo(new ExistingOutput(2, 1)));
    }

    [Test]
    public void Scan_LastLineCutOffByAKill_IsRemovedFromTheFile()
    {
        const string complete = "{\"index\":0,\"request_id\":\"a\",\"status\":\"completed\",\"result\":1}\n";
        File.WriteAllText(_path, complete + "{\"index\":1,\"request_id\":\"b\",\"sta");

        var existing = ExistingOutput.Scan(_path);

        Assert.That(existing.Count, Is.EqualTo(1));
        Assert.That(File.ReadAllText(_path), Is.EqualTo(complete));
    }

    [Test]
    public void Scan_AFileThatIsNotARunsOutput_IsAUsageErrorAndLeftAlone()
    {
        File.WriteAllText(_path, "precious notes\n");

        Assert.That(() => ExistingOutput.Scan(_path), Throws.TypeOf<CliUsageException>().With.Message.Contains("--restart"));
        Assert.That(File.ReadAllText(_path), Is.EqualTo("precious notes\n"));
    }
}
