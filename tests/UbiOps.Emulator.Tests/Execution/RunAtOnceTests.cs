using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Storage;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Execution;

/// <summary>
/// The built-in echo and fail run in the transaction that accepts them (or, found pending after a
/// restart, many per transaction): they must answer exactly what running them as code answers.
/// </summary>
public sealed class RunAtOnceTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // "code-echo" is an echo computed by .NET code, so it takes the general path.
        _emulator = await TestEmulator.StartAsync(o => o.AddDeployment("code-echo", (input, _) => Task.FromResult(input)));
        _http = TestEmulator.Raw(_emulator);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    // Bodies whose JSON text changes when parsed and written again (number forms, escapes, spaces).
    [TestCase("""{"f": 1.0, "e": 1e5, "big": 123456789012345678901234567890, "neg": -0.0}""")]
    [TestCase("""{"s": "caf\u00e9 \ud83d\ude00 \" \\ \/ \t", "when": "2020-03-28T20:00:26.613+01:00"}""")]
    [TestCase("""{ "nested" : { "list" : [ 1 , 2.50 , null , true , { } , [ ] ] } }""")]
    public async Task Direct_Echo_AnswersWhatEchoAsCodeAnswers(string body)
    {
        var atOnce = await CreateDirectAsync("echo", body);
        var asCode = await CreateDirectAsync("code-echo", body);

        Assert.That(atOnce["result"]!.ToString(Newtonsoft.Json.Formatting.None), Is.EqualTo(asCode["result"]!.ToString(Newtonsoft.Json.Formatting.None)));
        Assert.That(atOnce["output_size"], Is.EqualTo(asCode["output_size"]).Using(new JTokenEqualityComparer()));
    }

    [Test]
    public async Task Batch_EchoAndFail_AreFinishedWhenTheCreateAnswers()
    {
        var echo = await CreateBatchAsync("echo", """[{"n": 1}, {"n": 2.0}]""");
        var fail = await CreateBatchAsync("fail", """[{"n": 3}]""");

        var echoed = await CollectAsync("echo", echo);
        var failed = await CollectAsync("fail", fail);

        Assert.Multiple(() =>
        {
            Assert.That(echoed.Select(r => r.Value<string>("status")), Is.All.EqualTo("completed"));
            Assert.That(echoed.Select(r => r["result"]!.ToString(Newtonsoft.Json.Formatting.None)), Is.EquivalentTo(new[] { """{"n":1}""", """{"n":2.0}""" }));
            Assert.That(echoed.Select(r => r.Value<string>("time_started")), Has.None.Null);
            Assert.That(failed.Single().Value<string>("status"), Is.EqualTo("failed"));
            Assert.That(failed.Single().Value<string>("error_message"), Does.Contain("always fails"));
            Assert.That(echo.Concat(fail).Select(_emulator.ExecutionCount), Is.All.EqualTo(1));
        });
    }

    [Test]
    public async Task Restart_PendingEchoRequests_RunOnceEach()
    {
        // Written pending (as by an emulator stopped before it ran them), then opened by a new one.
        var database = Path.Combine(Path.GetTempPath(), $"ubiops-emulator-tests-{Guid.NewGuid():N}.db");
        var ids = Enumerable.Range(0, 2500).Select(_ => Guid.CreateVersion7().ToString()).ToList();
        using (var store = RequestStore.Open(database))
        {
            await store.InsertAsync(ids.Select((id, i) => Pending(id, $$"""{"i":{{i}}}""")).ToList(), CancellationToken.None);
        }

        var done = new List<DeploymentRequestBatchDetail>();
        int total;
        List<int> counts;
        // The 2024-07 generation, whose answers carry the retries counted here.
        await using (var emulator = await TestEmulator.StartAsync(o => { o.DatabasePath = database; o.Api = ApiGeneration.July2024; }))
        {
            var client = TestEmulator.Client(emulator);
            foreach (var chunk in ids.Chunk(250))
            {
                done.AddRange(await Eventually.ReachAsync(
                    () => client.Deployment_requests_batch_getAsync(chunk, "demo", "echo"),
                    list => list.All(r => r.Status == RequestStatus.Completed), "the recovered requests complete"));
            }

            counts = ids.Select(emulator.ExecutionCount).ToList();
            total = emulator.TotalExecutions;
        }

        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }

        Assert.That(done.Select(r => Json.Of(r.Result).Value<int>("i")), Is.EquivalentTo(Enumerable.Range(0, 2500)));
        Assert.That(done.Select(r => r.Retries), Is.All.Zero, "they had not started: not a retry");
        Assert.That(counts, Is.All.EqualTo(1));
        Assert.That(total, Is.EqualTo(2500));
    }

    private static RequestRecord Pending(string id, string data) => new()
    {
        Id = id, Project = "demo", Deployment = "echo", Version = "v1", Kind = RequestMode.Batch, Status = RequestStatus.Pending,
        CreatedAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), RequestData = data, Timeout = 14400,
        InputSize = Encoding.UTF8.GetByteCount(data), CreatedBy = "test",
    };

    private async Task<JObject> CreateDirectAsync(string deployment, string body)
    {
        using var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, deployment), Content(body));
        Assert.That((int)answer.StatusCode, Is.EqualTo(200), await answer.Content.ReadAsStringAsync());
        return (JObject)Json.Parse(await answer.Content.ReadAsStringAsync());
    }

    private async Task<List<string>> CreateBatchAsync(string deployment, string body)
    {
        using var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, deployment) + "/batch", Content(body));
        var created = (JArray)Json.Parse(await answer.Content.ReadAsStringAsync());
        Assert.That(created.Select(c => c.Value<string>("status")), Is.All.EqualTo("pending"), "the answer is the acceptance");
        return created.Select(c => c.Value<string>("id")!).ToList();
    }

    private async Task<List<JObject>> CollectAsync(string deployment, List<string> ids)
    {
        using var answer = await _http.PostAsync(TestEmulator.Deployment(_emulator, deployment) + "/collect", Content(new JArray(ids).ToString()));
        return ((JArray)Json.Parse(await answer.Content.ReadAsStringAsync())).Cast<JObject>().ToList();
    }

    private static StringContent Content(string body)
    {
        var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
