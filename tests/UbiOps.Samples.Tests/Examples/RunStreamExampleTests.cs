using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Examples;

public sealed class RunStreamExampleTests : EmulatorFixture
{
    [Test]
    public async Task RunAsync_StoppedThenRunAgain_EveryLineRunsExactlyOnceInInputOrder()
    {
        var directory = Directory.CreateTempSubdirectory("sample-stream-").FullName;
        try
        {
            var input = Path.Combine(directory, "inputs.jsonl");
            var journal = Path.Combine(directory, "inputs.journal");
            await File.WriteAllLinesAsync(input, Enumerable.Range(0, 1200).Select(i => $"{{\"line\":{i}}}"));

            var first = await RunStreamExample.RunAsync(Client, Project, input, journal, stopAfter: 300);
            var again = await RunStreamExample.RunAsync(Client, Project, input, journal);

            Assert.That(first.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 300).Select(i => (long)i)));
            Assert.That(again.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 1200).Select(i => (long)i)));
            Assert.That(again.Select(o => o.Result!.AsJson().Value<int>("line")), Is.EqualTo(Enumerable.Range(0, 1200)));
            Assert.That(again.Select(o => Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1), "no line ran twice");
            Assert.That(again.Take(300).Select(o => o.RequestId), Is.EqualTo(first.Select(o => o.RequestId)), "the first run's requests were waited for, not made again");
            Assert.That(Emulator.TotalExecutions, Is.EqualTo(1200), "the server ran 1,200 requests in all");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
