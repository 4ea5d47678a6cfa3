using UbiOps.Client;
using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class FilesAndPriorityExampleTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_HighPriorityRequest_ReadsBackItsInputAndOutputAndSavesTheOutput()
    {
        var folder = Directory.CreateTempSubdirectory("ubiops-samples-tests-");
        try
        {
            var results = await FilesAndPriorityExample.RunAsync(Client, Project, folder.FullName);

            Assert.Multiple(() =>
            {
                Assert.That(results.Input.AsString(), Is.EqualTo("""{"city":"Utrecht"}"""));
                Assert.That(results.Output, Is.EqualTo(results.Input), "echo's result is its input");
                Assert.That(results.SavedOutput, Is.EqualTo(Path.Combine(folder.FullName, "output.json")), "named as the server named it");
                Assert.That(File.ReadAllText(results.SavedOutput), Is.EqualTo("""{"city":"Utrecht"}"""));
            });
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
