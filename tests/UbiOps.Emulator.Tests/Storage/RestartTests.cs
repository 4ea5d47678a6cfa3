using System.Diagnostics;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Storage;

public sealed partial class RestartTests
{
    private string _directory = null!;

    [SetUp]
    public void CreateDirectory() => Directory.CreateDirectory(_directory = Path.Combine(Path.GetTempPath(), "ubiops-emulator-tests-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    [Test]
    public async Task Restart_WithDatabase_KeepsEveryRequestAndFinishesPendingOnes()
    {
        var database = Path.Combine(_directory, "state.db");
        var gate = new GatedHandler();
        List<string> batch, direct;
        await using (var first = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Workers = 1; o.AddDeployment("slow", gate.HandleAsync); }))
        {
            var client = TestEmulator.Client(first);
            direct = [(await client.Deployment_requests_createAsync(new JObject { ["d"] = 1 }, "demo", "echo")).Id];
            batch = (await client.Batch_deployment_requests_createAsync(Enumerable.Range(0, 4).Select(i => (RequestInput)new JObject { ["b"] = i }), "demo", "slow"))
                .Select(r => r.Id).ToList();
            await gate.WaitStartedAsync(); // one is processing, three are pending, when the emulator stops
        }

        var open = new GatedHandler();
        open.Open();
        // The 2024-07 generation, whose answers carry the retries counted here.
        await using var second = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Api = ApiGeneration.July2024; o.AddDeployment("slow", open.HandleAsync); });
        var again = TestEmulator.Client(second);
        var finished = await Eventually.ReachAsync(
            () => again.Deployment_requests_batch_getAsync(batch, "demo", "slow"),
            list => list.All(r => r.Status == "completed"), "the resumed batch completes");
        var kept = await again.Deployment_requests_getAsync("demo", "echo", direct[0]);

        Assert.Multiple(() =>
        {
            Assert.That(kept.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(JToken.DeepEquals(Json.Of(kept.Result), new JObject { ["d"] = 1 }), Is.True);
            Assert.That(finished.Select(r => r.Id), Is.EquivalentTo(batch));
            Assert.That(finished.Count(r => r.Retries == 1), Is.EqualTo(1), "the one that was processing ran again, counted as a retry");
            Assert.That(finished.Count(r => r.Retries == 0), Is.EqualTo(3));
            Assert.That(batch.Select(second.ExecutionCount), Is.All.EqualTo(1), "after the restart each ran exactly once");
            Assert.That(File.Exists(database), Is.True);
        });
    }

    [Test]
    public async Task TemporaryDatabase_IsDeletedOnDispose()
    {
        string path;
        await using (var emulator = await TestEmulator.StartAsync())
        {
            path = emulator.DatabasePath;
            Assert.That(File.Exists(path), Is.True);
        }

        Assert.That(File.Exists(path), Is.False);
    }

    [Test]
    public async Task KilledProcess_LosesNoAnsweredRequest()
    {
        var database = Path.Combine(_directory, "killed.db");
        var emulatorDll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ubiops-emulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { emulatorDll, "--port", "0", "--db", database, "--token", "kill-test" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        List<string> answered = [];
        try
        {
            var baseUrl = await ReadBaseUrlAsync(process);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
            http.DefaultRequestHeaders.Add("Authorization", "Token kill-test");
            for (var i = 0; i < 10; i++)
            {
                var direct = await http.PostAsync("projects/demo/deployments/echo/requests", new StringContent($"{{\"i\": {i}}}", System.Text.Encoding.UTF8, "application/json"));
                Assert.That((int)direct.StatusCode, Is.EqualTo(200));
                answered.Add(JObject.Parse(await direct.Content.ReadAsStringAsync())["id"]!.Value<string>()!);
            }

            var batch = await http.PostAsync("projects/demo/deployments/sleep/requests/batch", new StringContent("[{\"seconds\": 0.01}, {\"seconds\": 60}]", System.Text.Encoding.UTF8, "application/json"));
            answered.AddRange(JArray.Parse(await batch.Content.ReadAsStringAsync()).Select(r => r["id"]!.Value<string>()!));
        }
        finally
        {
            process.Kill(entireProcessTree: true); // no graceful shutdown: SIGKILL
            await process.WaitForExitAsync();
        }

        await using var restarted = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Token = "kill-test"; });
        var client = TestEmulator.Client(restarted);
        var directs = await client.Deployment_requests_batch_getAsync(answered.Take(10), "demo", "echo");
        var sleeps = await client.Deployment_requests_batch_getAsync(answered.Skip(10), "demo", "sleep");

        Assert.That(directs.Select(r => r.Status), Is.All.EqualTo(RequestStatus.Completed));
        Assert.That(sleeps.Select(r => r.Id), Is.EquivalentTo(answered.Skip(10)), "accepted batch requests survive the kill");
    }

    // Echo batches run in the transaction that accepts them: a kill while many are being written
    // must still leave every answered one stored, and finished.
    [Test]
    public async Task KilledProcess_DuringConcurrentBatchCreates_LosesNoAnsweredRequest()
    {
        var database = Path.Combine(_directory, "killed-batches.db");
        var emulatorDll = Path.Combine(TestContext.CurrentContext.TestDirectory, "ubiops-emulator.dll");
        using var process = Process.Start(new ProcessStartInfo("dotnet")
        {
            ArgumentList = { emulatorDll, "--port", "0", "--db", database },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var answered = new System.Collections.Concurrent.ConcurrentBag<string>();
        var batches = 0;
        try
        {
            var baseUrl = await ReadBaseUrlAsync(process);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
            http.DefaultRequestHeaders.Add("Authorization", "Token emulator-token");
            var body = "[" + string.Join(",", Enumerable.Range(0, 250).Select(i => $"{{\"i\": {i}}}")) + "]";
            using var killed = new CancellationTokenSource();

            async Task SubmitAsync()
            {
                while (!killed.IsCancellationRequested)
                {
                    try
                    {
                        using var answer = await http.PostAsync("projects/demo/deployments/echo/requests/batch",
                            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), killed.Token);
                        var text = await answer.Content.ReadAsStringAsync(killed.Token);
                        if (answer.StatusCode == System.Net.HttpStatusCode.Created)
                        {
                            foreach (var id in JArray.Parse(text).Select(r => r["id"]!.Value<string>()!))
                            {
                                answered.Add(id);
                            }

                            Interlocked.Increment(ref batches);
                        }
                    }
                    catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
                    {
                        return; // the kill: this call's answer never arrived
                    }
                }
            }

            var submitters = Enumerable.Range(0, 4).Select(_ => Task.Run(SubmitAsync)).ToList();
            while (Volatile.Read(ref batches) < 20)
            {
                await Task.Delay(5);
            }

            process.Kill(entireProcessTree: true); // no graceful shutdown: SIGKILL, with batch calls in flight
            await process.WaitForExitAsync();
            await killed.CancelAsync();
            await Task.WhenAll(submitters);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await using var restarted = await TestEmulator.StartAsync(o => o.DatabasePath = database);
        var client = TestEmulator.Client(restarted);
        var found = new List<DeploymentRequestBatchDetail>();
        foreach (var chunk in answered.Chunk(250))
        {
            found.AddRange(await client.Deployment_requests_batch_getAsync(chunk, "demo", "echo"));
        }

        Assert.That(answered, Has.Count.GreaterThanOrEqualTo(20 * 250));
        Assert.That(found.Select(r => r.Id), Is.EquivalentTo(answered), "every answered request is stored");
        Assert.That(found.Select(r => r.Status), Is.All.EqualTo(RequestStatus.Completed));
    }

    private static async Task<string> ReadBaseUrlAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            var match = ListeningLine().Match(line);
            if (match.Success)
            {
                return match.Groups[1].Value;
            }
        }

        Assert.Fail("The emulator process never printed its base URL: " + await process.StandardError.ReadToEndAsync());
        return "";
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/v2\.1)")]
    private static partial Regex ListeningLine();
}
