using UbiOps.Client;
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
            var before = Emulator.TotalExecutions;

            var first = await RunStreamExample.RunAsync(Client, Project, input, journal, stopAfter: 300);
            var again = await RunStreamExample.RunAsync(Client, Project, input, journal);

            Assert.That(first.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 300).Select(i => (long)i)));
            Assert.That(again.Select(o => o.Index), Is.EqualTo(Enumerable.Range(0, 1200).Select(i => (long)i)));
            Assert.That(again.Select(o => o.Result!.AsJson().Value<int>("line")), Is.EqualTo(Enumerable.Range(0, 1200)));
            Assert.That(again.Select(o => Emulator.ExecutionCount(o.RequestId!)), Is.All.EqualTo(1), "no line ran twice");
            Assert.That(again.Take(300).Select(o => o.RequestId), Is.EqualTo(first.Select(o => o.RequestId)), "the first run's requests were waited for, not made again");
            Assert.That(Emulator.TotalExecutions - before, Is.EqualTo(1200), "the server ran 1,200 requests in all");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Test]
    public async Task RunAsync_KilledWhileItsFirstBatchCallWasInFlight_AdoptsTheBatchTheServerMade()
    {
        var directory = Directory.CreateTempSubdirectory("sample-stream-").FullName;
        try
        {
            var input = Path.Combine(directory, "inputs.jsonl");
            var journal = Path.Combine(directory, "inputs.journal");
            // Inputs no other test sends: the lookup must find this batch alone.
            var lines = Enumerable.Range(0, 400).Select(i => $"{{\"line\":{i},\"killed\":true}}").ToArray();
            await File.WriteAllLinesAsync(input, lines);
            // As a run killed after writing its intent and after the server stored the batch, before
            // the answer came back: the journal has the "sending" line and nothing else.
            var sentAt = DateTimeOffset.UtcNow;
            await File.WriteAllTextAsync(journal, $"sending {sentAt.ToUnixTimeMilliseconds()} {string.Join(' ', Enumerable.Range(0, 250))}\n");
            var before = Emulator.TotalExecutions;
            var made = await Client.Deployment(Project, "echo").CreateBatchAsync(lines.Take(250).Select(RequestInput.FromJson));

            var outcomes = await RunStreamExample.RunAsync(Client, Project, input, journal);

            Assert.That(outcomes.Take(250).Select(o => o.RequestId), Is.EqualTo(made.Select(m => m.Id)), "the server's requests were adopted");
            Assert.That(outcomes.Select(o => o.Result!.AsJson().Value<int>("line")), Is.EqualTo(Enumerable.Range(0, 400)));
            Assert.That(Emulator.TotalExecutions - before, Is.EqualTo(400), "no line ran twice");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestCase("0 req-0\n12 ab")]
    [TestCase("0 req-0\nsending 1700000000000 12 ")]
    public void FileJournal_LastLineCutShortByAKill_IsSkipped(string journalText)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, journalText);

            var journal = new FileJournal(path);

            Assert.That(journal.FindRequest(0), Is.EqualTo("req-0"));
            Assert.That(journal.FindRequest(12), Is.Null);
            Assert.That(journal.FindIntent(12), Is.Null);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
