using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Packages;

/// <summary>
/// The Python worker processes behind a package deployment: one per slot, kept between requests,
/// killed on a timeout or cancel, restarted after they die.
/// </summary>
public sealed class PythonWorkerTests
{
    // {"die": code} exits the worker; {"die_once": path} exits only the first time; {"sleep": s} hangs.
    private const string Package = """
        import os
        import time

        class Deployment:
            def __init__(self, base_directory, context):
                pass

            def request(self, data):
                if "die" in data:
                    os._exit(data["die"])
                if "die_once" in data and not os.path.exists(data["die_once"]):
                    open(data["die_once"], "w").close()
                    os._exit(4)
                time.sleep(data.get("sleep", 0))
                return {"pid": os.getpid()}
        """;

    private TestPackage _package = null!;
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;
    private string _requests = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Python.Require();
        _package = TestPackage.Create(Package);
        // One slot, so every request meets the same worker unless it was replaced. A timeout of 10
        // (the API's minimum) lasts one second here.
        _emulator = await TestEmulator.StartAsync(o =>
        {
            o.Api = ApiGeneration.July2024; // its answers carry the retries counted here
            o.Workers = 1;
            o.TimeoutUnit = TimeSpan.FromMilliseconds(100);
            o.PackageOutput = TextWriter.Null;
            o.Deployments.Add(new EmulatorDeployment { Name = "worker", PackageDirectory = _package.Directory });
        });
        _http = TestEmulator.Raw(_emulator);
        _requests = TestEmulator.Deployment(_emulator, "worker");
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        _package?.Dispose();
    }

    [Test]
    public async Task Direct_TwoRequests_SameLongLivedWorker()
    {
        var first = await PidAsync();

        Assert.That(await PidAsync(), Is.EqualTo(first));
    }

    [Test]
    public async Task Direct_WorkerDies_FailedAndNextRequestGetsANewWorker()
    {
        var before = await PidAsync();

        var died = await ApiCalls.CreateAsync(_http, _requests, new JObject { ["die"] = 3 });

        Assert.That(died.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(died.Value<string>("error_message"), Does.Contain("exited with exit code 3"));
        Assert.That(await PidAsync(), Is.Not.EqualTo(before), "a new worker was started");
    }

    [Test]
    public async Task Batch_WorkerDiesOnce_RunsAgainWithOneMoreRetry()
    {
        var marker = Path.Combine(_package.Directory, $"died-{Guid.NewGuid():N}");
        var created = await ApiCalls.CreateBatchAsync(_http, _requests, new JArray(new JObject { ["die_once"] = marker }));
        var id = created[0].Value<string>("id")!;

        var done = await ApiCalls.WaitForEndAsync(_http, _requests, id);

        Assert.That((done.Value<string>("status"), done.Value<int>("retries")), Is.EqualTo(("completed", 1)), done.ToString());
        Assert.That(_emulator.ExecutionCount(id), Is.EqualTo(2));
    }

    [Test]
    public async Task Batch_WorkerAlwaysDies_FailedAfterTheRetryBound()
    {
        var created = await ApiCalls.CreateBatchAsync(_http, _requests, new JArray(new JObject { ["die"] = 5 }));
        var id = created[0].Value<string>("id")!;

        var done = await ApiCalls.WaitForEndAsync(_http, _requests, id);

        Assert.That((done.Value<string>("status"), done.Value<int>("retries")), Is.EqualTo(("failed", RequestExecutor.MaxWorkerLostRetries)), done.ToString());
        Assert.That(done.Value<string>("error_message"), Does.Contain("exited with exit code 5"));
        Assert.That(_emulator.ExecutionCount(id), Is.EqualTo(RequestExecutor.MaxWorkerLostRetries + 1));
    }

    [Test]
    public async Task Direct_CallOutlivesTimeout_FailedAndTheHungWorkerKilled()
    {
        var hung = await PidAsync();
        var clock = Stopwatch.StartNew();

        var answer = await ApiCalls.CreateAsync(_http, _requests, new JObject { ["sleep"] = 60 }, "?timeout=10");

        Assert.That(answer.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(answer.Value<string>("error_message"), Does.StartWith("Timeout"));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "answered at the timeout, not after the 60 s sleep");
        await Eventually.ReachAsync(() => Task.FromResult(IsRunning(hung)), running => !running, $"worker {hung} is killed");
        Assert.That(await PidAsync(), Is.Not.EqualTo(hung));
    }

    [Test]
    public async Task Batch_CancelledWhileHung_CancelledAndTheWorkerKilled()
    {
        var hung = await PidAsync();
        var created = await ApiCalls.CreateBatchAsync(_http, _requests, new JArray(new JObject { ["sleep"] = 60 }), "?timeout=600");
        var id = created[0].Value<string>("id")!;
        await Eventually.ReachAsync(() => ApiCalls.GetAsync(_http, _requests, id), r => r.Value<string>("status") == "processing", "the request runs");

        var cancel = await _http.PatchAsync(_requests + "/" + id, new StringContent("{\"status\": \"cancelled\"}", Encoding.UTF8, "application/json"));

        Assert.That((int)cancel.StatusCode, Is.EqualTo(200), await cancel.Content.ReadAsStringAsync());
        var done = await ApiCalls.WaitForEndAsync(_http, _requests, id);
        Assert.That(done.Value<string>("status"), Is.EqualTo("cancelled"));
        await Eventually.ReachAsync(() => Task.FromResult(IsRunning(hung)), running => !running, $"worker {hung} is killed");
    }

    private async Task<int> PidAsync()
    {
        var answer = await ApiCalls.CreateAsync(_http, _requests, new JObject());
        Assert.That(answer.Value<string>("status"), Is.EqualTo("completed"), answer.ToString());
        return answer.SelectToken("result.pid")!.Value<int>();
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
