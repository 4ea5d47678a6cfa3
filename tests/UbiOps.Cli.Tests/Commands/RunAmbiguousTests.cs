using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Inputs;
using UbiOps.Cli.Run;
using UbiOps.Cli.Tests.Support;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Commands;

/// <summary>
/// Inputs whose batch call lost its answer while another producer sent the very same inputs: the
/// run reports them ambiguous, and a rerun looks them up again and settles them as told.
/// </summary>
public class RunAmbiguousTests
{
    private const int Count = 5;

    [Test]
    public async Task Run_RerunWithOnAmbiguousAdopt_LooksAmbiguousInputsUpAgainAndAdoptsWithoutSending()
    {
        await using var emulator = await UbiOpsEmulator.StartAsync();
        using var directory = new TempDirectory();
        var output = directory.File("results.jsonl");
        string[] args = EmulatorFixture.Target(emulator, ["run", "-d", "echo", "-i", await KilledRunAsync(emulator, directory, output), "-o", output]);

        var first = await InProcessCli.RunAsync(args);

        Assert.That(first.ExitCode, Is.EqualTo(ExitCodes.SomeInputsFailed), first.ToString());
        Assert.That(first.Error, Does.Contain($"{Count} left ambiguous"));
        var reported = ReadLines(output);
        Assert.That(reported.Select(l => l.Value<string>("status")), Is.All.EqualTo("ambiguous"));
        Assert.That(reported.Select(l => l["candidates"]!.Count()), Is.All.EqualTo(2));

        var second = await InProcessCli.RunAsync([.. args, "--on-ambiguous", "adopt"]);

        Assert.That(second.ExitCode, Is.EqualTo(ExitCodes.Success), second.ToString());
        Assert.That(second.Error, Does.Contain($"Looking up again: {Count} input(s) the earlier run left ambiguous"));
        Assert.That(second.Error, Does.Contain($"{Count} ambiguous input(s) adopted a candidate"));
        var settled = ReadLines(output);
        Assert.That(settled.Select(l => (l.Value<string>("status"), l.Value<string>("ambiguous"))), Is.All.EqualTo(("completed", "adopted")));
        Assert.That(settled.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, Count)));
        Assert.That(settled.Select(l => l.Value<string>("request_id")), Is.Unique);
        Assert.That(settled.Select((l, i) => reported[i]["candidates"]!.Values<string>().Contains(l.Value<string>("request_id"))), Is.All.True);
        Assert.That(emulator.TotalExecutions, Is.EqualTo(2 * Count), "the killed run's batch and the other producer's: nothing was sent again");
    }

    [Test]
    public async Task Run_OnAmbiguousResend_SendsTheInputsAgainAndSaysSo()
    {
        await using var emulator = await UbiOpsEmulator.StartAsync();
        using var directory = new TempDirectory();
        var output = directory.File("results.jsonl");
        string[] args = EmulatorFixture.Target(emulator,
            ["run", "-d", "echo", "-i", await KilledRunAsync(emulator, directory, output), "-o", output, "--on-ambiguous", "resend"]);

        var run = await InProcessCli.RunAsync(args);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Error, Does.Contain($"{Count} ambiguous input(s) sent again"));
        Assert.That(ReadLines(output).Select(l => l.Value<string>("ambiguous")), Is.All.EqualTo("resent"));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(3 * Count));
    }

    /// <summary>
    /// The state a run leaves when killed with its one batch call in flight after the server stored
    /// it, while another producer (a second <c>batch</c>) sent the very same inputs. Returns the input file.
    /// </summary>
    private static async Task<string> KilledRunAsync(UbiOpsEmulator emulator, TempDirectory directory, string output)
    {
        var lines = RunCommandTests.Lines(Count);
        var input = directory.Write("in.jsonl", lines);
        var sentAt = DateTimeOffset.UtcNow;
        foreach (var producer in new[] { "killed run", "other producer" })
        {
            var made = await InProcessCli.RunAsync(EmulatorFixture.Target(emulator, ["batch", "-d", "echo", "-i", input]));
            Assert.That(made.ExitCode, Is.EqualTo(ExitCodes.Success), $"{producer}: {made}");
        }

        var sending = new JObject
        {
            ["sending"] = new JArray(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select((l, i) => new JArray(i, InputFingerprint.Of(l)))),
            ["at"] = sentAt.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        };
        await File.WriteAllLinesAsync(RunStateFile.PathFor(output),
            [RunStateFile.Header($"{emulator.BaseUrl}/projects/{emulator.Project}/echo"), sending.ToString(Newtonsoft.Json.Formatting.None)]);
        return input;
    }

    private static List<JObject> ReadLines(string path) => File.ReadAllLines(path).Select(JObject.Parse).ToList();
}
