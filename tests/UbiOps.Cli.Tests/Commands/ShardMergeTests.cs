using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Tests.Support;

namespace UbiOps.Cli.Tests.Commands;

/// <summary>One run spread over shards (<c>run --shard I/N</c>), joined by <c>merge</c>.</summary>
public class ShardMergeTests : EmulatorFixture
{
    private const int Inputs = 10;

    [Test]
    public async Task RunShardsThenMerge_OneFileInInputOrderWithEveryInputOnce()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(Inputs));
        var shards = await RunShardsAsync(directory, input, 3);

        Assert.That(Read(shards[1]).Select(l => l.Value<long>("index")), Is.EqualTo(new[] { 1L, 4, 7 }), "a shard's lines keep the inputs' indices");
        Assert.That(Read(shards[1]).Select(l => l.Value<long>("line")), Is.EqualTo(new[] { 2L, 5, 8 }));

        var merged = directory.File("merged.jsonl");
        var merge = await InProcessCli.RunAsync(["merge", "-o", merged, "-i", input, .. shards]);

        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.Success), merge.ToString());
        Assert.That(merge.Error, Does.Contain($"Merged {Inputs} line(s)"));
        var lines = Read(merged);
        Assert.That(lines.Select(l => l.Value<long>("index")), Is.EqualTo(Enumerable.Range(0, Inputs).Select(i => (long)i)));
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, Inputs)));
    }

    [Test]
    public async Task Merge_AShardLeftOut_NamesItsInputsMissing()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(Inputs));
        var shards = await RunShardsAsync(directory, input, 3);

        var merge = await InProcessCli.RunAsync(["merge", "-o", directory.File("merged.jsonl"), "-i", input, shards[0], shards[1]]);

        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.SomeInputsFailed), merge.ToString());
        Assert.That(merge.Error, Does.Contain("Missing 3 input(s) (by index): 2, 5, 8."));
    }

    [Test]
    public async Task Merge_AShardGivenTwice_NamesItsInputsDoubledAndKeepsOneLineEach()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(Inputs));
        var shards = await RunShardsAsync(directory, input, 2);
        var merged = directory.File("merged.jsonl");

        var merge = await InProcessCli.RunAsync(["merge", "-o", merged, shards[0], shards[1], shards[1]]);

        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.SomeInputsFailed), merge.ToString());
        Assert.That(merge.Error, Does.Contain("Doubled 5 input(s): 1 (shard-1.jsonl line 1 and shard-1.jsonl line 1)"));
        Assert.That(Read(merged).Select(l => l.Value<long>("index")), Is.EqualTo(Enumerable.Range(0, Inputs).Select(i => (long)i)));
    }

    [Test]
    public async Task Merge_AFileThatIsNotARunsOutput_UsageErrorNamingTheLine()
    {
        using var directory = new TempDirectory();
        var notOutput = directory.Write("notes.jsonl", "{\"index\": 3}\n{\"index\": 1}\n");

        var merge = await InProcessCli.RunAsync(["merge", "-o", directory.File("merged.jsonl"), notOutput]);

        Assert.That(merge.ExitCode, Is.EqualTo(ExitCodes.UsageError), merge.ToString());
        Assert.That(merge.Error, Does.StartWith("error: notes.jsonl line 2: index 1 after 3"));
    }

    [Test]
    public async Task Run_ResumedWithAnotherShard_IsRefused()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(Inputs));
        var output = directory.File("out.jsonl");
        var first = await RunAsync("run", "-d", "echo", "-i", input, "-o", output, "--shard", "0/2", "--quiet");
        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.Success), first.ToString());

        var other = await RunAsync("run", "-d", "echo", "-i", input, "-o", output, "--shard", "1/2", "--quiet");

        Assert.That(other.ExitCode, Is.EqualTo(ExitCodes.UsageError), other.ToString());
        Assert.That(other.Error, Does.Contain("shard 0/2").And.Contain("shard 1/2"));
    }

    [TestCase("2/2")]
    [TestCase("1")]
    [TestCase("-1/3")]
    [TestCase("0/0")]
    public async Task Run_BadShard_UsageErrorBeforeAnythingRuns(string shard)
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(Inputs));

        var run = await RunAsync("run", "-d", "echo", "-i", input, "-o", directory.File("out.jsonl"), "--shard", shard);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.UsageError), run.ToString());
        Assert.That(run.Error, Does.Contain($"--shard must be I/N with 0 <= I < N (e.g. 0/4 for the first of four), not '{shard}'"));
    }

    private async Task<string[]> RunShardsAsync(TempDirectory directory, string input, int count)
    {
        var outputs = new string[count];
        for (var i = 0; i < count; i++)
        {
            outputs[i] = directory.File($"shard-{i}.jsonl");
            var run = await RunAsync("run", "-d", "echo", "-i", input, "-o", outputs[i], "--shard", $"{i}/{count}", "--quiet");
            Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        }

        return outputs;
    }

    private static List<JObject> Read(string path) => File.ReadAllLines(path).Select(JObject.Parse).ToList();
}
