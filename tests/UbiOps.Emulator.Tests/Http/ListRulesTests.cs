using System.Net;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

/// <summary>
/// Today's list (the 2025-12 generation): completed requests unless a status is asked for, pending
/// and processing each only on their own, dates only for finished requests, newest first always.
/// </summary>
public sealed class ListRulesTests
{
    private UbiOpsEmulator _emulator = null!;
    private HttpClient _http = null!;
    private GatedHandler _gate = null!;
    private readonly Dictionary<string, List<string>> _byStatus = [];

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _gate = new GatedHandler();
        _emulator = await TestEmulator.StartAsync(o => { o.Workers = 1; o.AddDeployment("mixed", _gate.HandleAsync); });
        _http = TestEmulator.Raw(_emulator);
        var client = TestEmulator.Client(_emulator);
        // On a gated deployment with one worker: one processing, two pending, one cancelled.
        var queued = (await client.Batch_deployment_requests_createAsync(Enumerable.Range(0, 4).Select(i => (RequestInput)new JObject { ["n"] = i }), "demo", "mixed")).Select(r => r.Id).ToList();
        await _gate.WaitStartedAsync();
        await client.Deployment_requests_updateAsync(new DeploymentRequestUpdate { Status = RequestStatus.Cancelled }, "demo", "mixed", queued[3]);
        _byStatus["processing"] = [queued[0]];
        _byStatus["pending"] = [queued[2], queued[1]]; // newest first
        _byStatus["cancelled"] = [queued[3]];
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _gate.Open();
        _http.Dispose();
        await _emulator.DisposeAsync();
    }

    [Test]
    public async Task List_NoStatus_ListsOnlyCompletedRequests()
    {
        var echo = await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "echo"), new JObject());
        await ApiCalls.CreateAsync(_http, TestEmulator.Deployment(_emulator, "fail"), new JObject());

        var echoes = await ListAsync("echo", "");
        var mixed = await ListAsync("mixed", "");

        Assert.Multiple(() =>
        {
            Assert.That(echoes.Select(r => r["id"]!.ToString()), Does.Contain(echo["id"]!.ToString()));
            Assert.That(echoes.Select(r => r["status"]!.ToString()), Has.All.EqualTo("completed"));
            Assert.That(mixed, Is.Empty, "pending, processing and cancelled requests are not listed without a status");
        });
    }

    [TestCase("pending")]
    [TestCase("processing")]
    [TestCase("cancelled")]
    public async Task List_Status_ListsThoseNewestFirst(string status)
    {
        var listed = await ListAsync("mixed", $"?status={status}");

        Assert.That(listed.Select(r => r["id"]!.ToString()), Is.EqualTo(_byStatus[status]));
    }

    [Test]
    public async Task List_CombinedFinishedStatuses_ListsEach()
    {
        var listed = await ListAsync("mixed", "?status=completed,cancelled,failed");

        Assert.That(listed.Select(r => r["id"]!.ToString()), Is.EqualTo(_byStatus["cancelled"]));
    }

    [Test]
    public async Task List_SortAsc_IsIgnoredNewestFirst()
    {
        var listed = await ListAsync("mixed", "?status=pending&sort=asc");

        Assert.That(listed.Select(r => r["id"]!.ToString()), Is.EqualTo(_byStatus["pending"]));
    }

    [Test]
    public async Task List_DeprecatedFilters_AreIgnored()
    {
        var listed = await ListAsync("mixed", "?status=pending&pipeline=true&request_schedule=nightly&success=maybe");

        Assert.That(listed, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task List_DatesOnFinishedRequests_FilterOnCreationTime()
    {
        var created = DateTimeOffset.Parse((await ApiCalls.GetAsync(_http, TestEmulator.Deployment(_emulator, "mixed"), _byStatus["cancelled"][0]))["time_created"]!.ToString(),
            System.Globalization.CultureInfo.InvariantCulture);
        string Query(DateTimeOffset start) => $"?status=cancelled&start_date={Uri.EscapeDataString(start.ToString("o"))}";

        Assert.Multiple(async () =>
        {
            Assert.That(await ListAsync("mixed", Query(created)), Has.Count.EqualTo(1));
            Assert.That(await ListAsync("mixed", Query(created.AddMilliseconds(1))), Is.Empty);
        });
    }

    private async Task<List<JObject>> ListAsync(string deployment, string query)
    {
        var answer = await _http.GetAsync(TestEmulator.Deployment(_emulator, deployment) + query);
        var text = await answer.Content.ReadAsStringAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(HttpStatusCode.OK), text);
        return ((JArray)Json.Parse(text)).Cast<JObject>().ToList();
    }
}
