using Newtonsoft.Json.Linq;
using UbiOps.Cli.Tests.Support;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Commands;

public class RunResumeTests
{
    [Test]
    public async Task Run_InterruptedThenResumed_SubmitsNoInputTwiceAndFinishesTheRest()
    {
        // Inputs from 300 on wait at a gate, so the first run is stopped with requests in flight.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new EmulatorOptions().AddDeployment("gated", async (input, ct) =>
        {
            if (input.Value<int>("n") >= 300)
            {
                await gate.Task.WaitAsync(ct);
            }

            return input;
        });
        await using var emulator = await UbiOpsEmulator.StartAsync(options);
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(1000));
        var output = directory.File("results.jsonl");
        string[] args = EmulatorFixture.Target(emulator,
            ["run", "-d", "gated", "-i", input, "-o", output, "--window", "500", "--poll-interval", "0.02"]);

        using var stop = new CancellationTokenSource();
        var first = InProcessCli.RunAsync(args, cancellationToken: stop.Token);
        // Lines 0..299 written, and the window (500) read ahead: 300..799 submitted and recorded.
        await WaitUntilAsync(() => CountLines(output) >= 300 && AcceptedInState(output + ".state") >= 800,
            () => $"{CountLines(output)} lines written, {AcceptedInState(output + ".state")} inputs accepted; the run: {(first.IsCompleted ? first.Result.ToString() : "still running")}");
        await stop.CancelAsync();
        var stopped = await first;

        Assert.That(stopped.ExitCode, Is.EqualTo(130), stopped.ToString());
        Assert.That(stopped.Error, Does.Contain("To finish, run: ubiops-requests run -d gated").And.Not.Contain("--restart"));
        Assert.That(stopped.Error, Does.Contain("--token <token>").And.Not.Contain(emulator.Token), "the token is never printed");
        Assert.That(CountLines(output), Is.EqualTo(300), "0..299 finished; 300 on wait at the gate");

        gate.SetResult();
        var resumed = await InProcessCli.RunAsync(args);

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(resumed.Error, Does.Contain("Resuming: 300 result(s) already in results.jsonl; 500 input(s) submitted earlier are collected"));
        var lines = File.ReadAllLines(output).Select(JObject.Parse).ToList();
        Assert.That(lines.Select(l => l.Value<int>("index")), Is.EqualTo(Enumerable.Range(0, 1000)));
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, 1000)));
        var ids = lines.Select(l => l.Value<string>("request_id")!).ToList();
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1000));
        Assert.That(ids.Select(emulator.ExecutionCount), Is.All.EqualTo(1));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(1000), "every input ran exactly once");
        var all = await InProcessCli.RunAsync(EmulatorFixture.Target(emulator, ["list", "-d", "gated", "--all", "--limit", "500", "--format", "json"]));
        Assert.That(JArray.Parse(all.Out), Has.Count.EqualTo(1000), "the server holds one request per input, no duplicates");
    }

    private static int AcceptedInState(string path) => !File.Exists(path) ? 0 : ReadShared(path)
        .Where(l => l.StartsWith("{\"accepted\"", StringComparison.Ordinal))
        .Sum(l => JObject.Parse(l)["accepted"]!.Count());

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return lines;
    }

    private static int CountLines(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is not null)
        {
            count++;
        }

        return count;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Func<string> describe)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            if (limit.IsCancellationRequested)
            {
                Assert.Fail($"Waited 30 s in vain: {describe()}");
            }

            await Task.Delay(10, CancellationToken.None);
        }
    }
}
