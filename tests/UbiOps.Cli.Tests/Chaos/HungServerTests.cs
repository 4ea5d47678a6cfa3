using System.Net;
using System.Net.Sockets;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Errors;
using UbiOps.Cli.Tests.Commands;
using UbiOps.Cli.Tests.Support;
using UbiOps.Emulator;

namespace UbiOps.Cli.Tests.Chaos;

/// <summary>A server that accepts connections and never answers: the run ends, says so, and loses nothing.</summary>
public class HungServerTests
{
    [Test]
    public async Task Run_ServerAcceptsAndNeverAnswers_ExitsUnreachableWithOneLineAndARerunFinishesEveryInput()
    {
        using var directory = new TempDirectory();
        var input = directory.Write("in.jsonl", RunCommandTests.Lines(300));
        var output = directory.File("results.jsonl");
        var port = await HangAsync(async hung =>
        {
            var result = await InProcessCli.RunAsync(
                ["run", "-d", "echo", "-i", input, "-o", output, "--quiet", "--call-timeout", "1",
                 "--host", $"http://127.0.0.1:{hung}/v2.1", "--token", "t", "--project", "demo"]).WaitAsync(TimeSpan.FromMinutes(2));

            Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Unreachable), result.ToString());
            Assert.That(result.ErrorLines, Has.Length.EqualTo(1), result.ToString());
            Assert.That(result.Error, Does.StartWith($"error: http://127.0.0.1:{hung}/v2.1 did not answer in time"));
        });

        // The same address answers again: the rerun looks up the batch that was in flight, then finishes.
        await using var emulator = await UbiOpsEmulator.StartAsync(new EmulatorOptions { Port = port, Project = "demo" });
        var rerun = await InProcessCli.RunAsync(
            ["run", "-d", "echo", "-i", input, "-o", output, "--quiet", "--host", $"http://127.0.0.1:{port}/v2.1", "--token", emulator.Token, "--project", "demo"]);

        Assert.That(rerun.ExitCode, Is.EqualTo(ExitCodes.Success), rerun.ToString());
        var lines = File.ReadAllLines(output).Select(JObject.Parse).ToList();
        Assert.That(lines.Select(l => l["result"]!.Value<int>("n")), Is.EqualTo(Enumerable.Range(0, 300)));
        Assert.That(emulator.TotalExecutions, Is.EqualTo(300));
    }

    /// <summary>Listens on a free loopback port, accepting connections and never answering, while <paramref name="body"/> runs.</summary>
    private static async Task<int> HangAsync(Func<int, Task> body)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new List<TcpClient>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                accepted.Add(await listener.AcceptTcpClientAsync(stop.Token));
            }
        });
        try
        {
            await body(port);
        }
        finally
        {
            await stop.CancelAsync();
            await accepting.ContinueWith(_ => { }, TaskScheduler.Default);
            accepted.ForEach(c => c.Dispose());
            listener.Stop();
        }

        return port;
    }
}
