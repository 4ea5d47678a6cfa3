using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Packages;

/// <summary>
/// The sample package the repository ships (samples/deployments/scorer), declared by its config file
/// as the README shows, called through the SDK and the API: results, a failure and a timeout.
/// </summary>
public sealed class SamplePackageTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Python.Require();
        var config = Path.Combine(RepositoryRoot(), "samples", "deployments", "emulator-config.json");
        _emulator = await TestEmulator.StartAsync(o =>
        {
            o.ConfigPath = config;
            o.TimeoutUnit = TimeSpan.FromMilliseconds(100); // the minimum timeout of 10 lasts one second
            o.PackageOutput = TextWriter.Null;
        });
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http?.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }

    [Test]
    public async Task Sdk_DirectRequest_ResultComputedByThePackageAndItsLibrary()
    {
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = _emulator.Token, BaseUrl = _emulator.BaseUrl });

        var created = await client.Deployment(_emulator.Project, "scorer").CreateAsync(RequestInput.FromObject(new { values = new[] { 1, 2, 6 } }));

        Assert.That(JToken.DeepEquals(created.Result!.AsJson(), JObject.Parse("""{"score": 3.0, "count": 3}""")), Is.True, created.Result.AsString());
    }

    [Test]
    public async Task Direct_Version2_SeesItsVersionInTheInitContext()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "scorer", "v2"), JObject.Parse("""{"values": [1, 2, 6]}"""));

        Assert.That(answer.SelectToken("result.score")!.Value<double>(), Is.EqualTo(6.0), "v2 weighs twice");
    }

    [Test]
    public async Task Batch_NegativeValue_FailsWithTheLibrarysMessage()
    {
        var requests = TestEmulator.Deployment(_emulator, "scorer");
        var created = await ApiCalls.CreateBatchAsync(_http, requests, JArray.Parse("""[{"values": [4]}, {"values": [1, -2]}]"""));

        var done = await Task.WhenAll(created.Select(r => ApiCalls.WaitForEndAsync(_http, requests, r.Value<string>("id")!)));

        Assert.That(done.Select(r => r.Value<string>("status")), Is.EqualTo(new[] { "completed", "failed" }));
        Assert.That(done[1].Value<string>("error_message"), Is.EqualTo("values must not be negative, got -2"));
    }

    [Test]
    public async Task Direct_SleepBeyondTimeout_FailsWithTheTimeout()
    {
        var answer = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "scorer"), JObject.Parse("""{"values": [1], "sleep": 30}"""), "?timeout=10");

        Assert.That(answer.Value<string>("status"), Is.EqualTo("failed"));
        Assert.That(answer.Value<string>("error_message"), Is.EqualTo("Timeout: the request did not finish within its timeout of 10 seconds."));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "UbiOps.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        Assert.Fail("The repository root (with UbiOps.Generated.sln) was not found above " + TestContext.CurrentContext.TestDirectory);
        return "";
    }
}
