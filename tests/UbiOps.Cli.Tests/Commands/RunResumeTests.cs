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
            ["run", "-d", "gated", "-i", input, "-o", output, "--batch-size", "50", "--window", "200", "--poll-interval", "0.02"]);

        using var stop = new CancellationTokenSource();
        var first = InProcessCli.RunAsync(args, cancellationToken: stop.Token);
        await WaitUntilAsync(() => CountLines(output) >= 300 && CountLines(output + ".state") >= 1 + 500);
        await stop.CancelAsync();
        var stopped = await first;

        Assert.That(stopped.ExitCode, Is.EqualTo(130), stopped.ToString());
        Assert.That(stopped.Error, Does.Contain("Run the same command again"));
        Assert.That(CountLines(output), Is.EqualTo(300), "0..299 finished; 300 on wait at the gate");

        gate.SetResult();
        var resumed = await InProcessCli.RunAsync(args);

        Assert.That(resumed.ExitCode, Is.EqualTo(0), resumed.ToString());
        Assert.That(resumed.Error, Does.Contain("Resuming: 300 input(s) already in results.jsonl, 200 submitted earlier"));
        // 0..299 written; 300..499 submitted and recorded in the state (the window is 200); 500.. never read.
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

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(10, limit.Token);
        }
    }
}
