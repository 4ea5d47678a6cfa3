using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Http;

public sealed partial class GetAndListTests
{
    private UbiOpsEmulator _emulator = null!;
    private DeploymentRequestsClient _client = null!;
    private List<string> _created = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        // The list of the 2024-07 generation (every status unless filtered; sort, success, pipeline);
        // today's list rules are in ListRulesTests.
        _emulator = await TestEmulator.StartAsync(o => o.Api = ApiGeneration.July2024);
        _client = TestEmulator.Client(_emulator);
        // Five completed requests on echo v1 in a known order, and one failed request on "fail".
        _created = [];
        for (var i = 0; i < 5; i++)
        {
            _created.Add((await _client.Deployment_requests_createAsync(new JObject { ["i"] = i }, "demo", "echo")).Id);
            await Task.Delay(3); // distinct creation milliseconds
        }

        await _client.Deployment_requests_createAsync(new JObject(), "demo", "fail");
    }

    [OneTimeTearDown]
    public async Task StopAsync() => await _emulator.DisposeAsync();

    [Test]
    public async Task Get_Completed_HasAllDocumentedFields()
    {
        var detail = await _client.Deployment_requests_getAsync("demo", "echo", _created[0]);

        Assert.Multiple(() =>
        {
            Assert.That(detail.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(JToken.DeepEquals(Json.Of(detail.RequestData), new JObject { ["i"] = 0 }), Is.True);
            Assert.That(JToken.DeepEquals(Json.Of(detail.Result), new JObject { ["i"] = 0 }), Is.True);
            Assert.That(detail.Origin!.Deployment, Is.EqualTo("echo"));
            Assert.That(detail.Origin.DeploymentVersion, Is.EqualTo("v1"));
            Assert.That(detail.Origin.CreatedBy, Is.Not.Empty);
            Assert.That(detail.Retries, Is.EqualTo(0));
            Assert.That(detail.InputSize, Is.EqualTo("{\"i\":0}".Length));
            Assert.That(detail.OutputSize, Is.EqualTo("{\"i\":0}".Length));
        });
    }

    [Test]
    public async Task Get_MetadataOnly_LeavesOutDataAndResult()
    {
        var detail = await _client.Deployment_requests_getAsync("demo", "echo", _created[0], metadata_only: true);

        Assert.That((detail.RequestData is null, detail.Result is null, detail.Status.Value), Is.EqualTo((true, true, "completed")));
    }

    [Test]
    public async Task Get_TimeFields_UseTheDocumentedFormat()
    {
        using var http = TestEmulator.Raw(_emulator);

        var body = (JObject)Json.Parse(await http.GetStringAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + _created[0]));

        foreach (var field in new[] { "time_created", "time_started", "time_completed" })
        {
            Assert.That(body[field]!.Value<string>(), Does.Match(DocumentedTime()), field);
        }
    }

    [Test]
    public async Task Get_UnknownOrMalformedId_Is404()
    {
        Assert.That(Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_requests_getAsync("demo", "echo", Guid.NewGuid().ToString()))!.StatusCode, Is.EqualTo(404));
        Assert.That(Assert.CatchAsync<UbiOpsApiException>(() => _client.Deployment_requests_getAsync("demo", "echo", "not-an-id"))!.StatusCode, Is.EqualTo(404));
    }

    [Test]
    public async Task List_Default_IsNewestFirst()
    {
        var list = await _client.Deployment_requests_listAsync("demo", "echo");

        Assert.That(list.Select(r => r.Id), Is.EqualTo(Enumerable.Reverse(_created)));
    }

    [Test]
    public async Task List_SortAscWithLimitAndOffset_PagesInCreationOrder()
    {
        var page = await _client.Deployment_requests_listAsync("demo", "echo", sort: SortDirection.Asc, limit: 2, offset: 1);

        Assert.That(page.Select(r => r.Id), Is.EqualTo(_created.Skip(1).Take(2)));
    }

    [Test]
    public async Task List_StatusAndSuccessFilters_SelectMatchingRequests()
    {
        var completed = await _client.Deployment_requests_listAsync("demo", "echo", status: RequestStatus.Completed);
        var failedOnFail = await _client.Deployment_requests_listAsync("demo", "fail", success: false);
        var succeededOnFail = await _client.Deployment_requests_listAsync("demo", "fail", success: true);

        Assert.That(completed, Has.Count.EqualTo(5));
        Assert.That(failedOnFail.Single().Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(succeededOnFail, Is.Empty);
    }

    [Test]
    public async Task List_SearchId_MatchesSubstring()
    {
        var fragment = _created[3][^12..];

        var found = await _client.Deployment_requests_listAsync("demo", "echo", search_id: fragment);

        Assert.That(found.Single().Id, Is.EqualTo(_created[3]));
    }

    [Test]
    public async Task List_SearchIdInUpperCase_MatchesLikeEveryOtherIdLookup()
    {
        // Was: no match. Ids are UUIDs, compared without case everywhere else (get, collect, delete).
        var fragment = _created[3][^12..].ToUpperInvariant();

        var found = await _client.Deployment_requests_listAsync("demo", "echo", search_id: fragment);

        Assert.That(found.Select(r => r.Id), Is.EqualTo(new[] { _created[3] }));
    }

    [Test]
    public async Task List_DateRangeWithOffsets_FiltersOnCreationTime()
    {
        var all = (await _client.Deployment_requests_listAsync("demo", "echo", sort: SortDirection.Asc)).ToList();
        // The same instants expressed at +02:00: the filter must honour the offset.
        var start = all[1].TimeCreated.ToOffset(TimeSpan.FromHours(2));
        var end = all[3].TimeCreated.ToOffset(TimeSpan.FromHours(2));

        var window = await _client.Deployment_requests_listAsync("demo", "echo", sort: SortDirection.Asc, start_date: start, end_date: end);

        Assert.That(window.Select(r => r.Id), Is.EqualTo(all.Skip(1).Take(3).Select(r => r.Id)));
    }

    [Test]
    public async Task List_PipelineAndRequestSchedule_MatchNothingMadeDirectly()
    {
        Assert.That(await _client.Deployment_requests_listAsync("demo", "echo", pipeline: true), Is.Empty);
        Assert.That(await _client.Deployment_requests_listAsync("demo", "echo", pipeline: false), Has.Count.EqualTo(5));
        Assert.That(await _client.Deployment_requests_listAsync("demo", "echo", request_schedule: "nightly"), Is.Empty);
    }

    [Test]
    public async Task List_PythonStyleBooleans_AreAccepted()
    {
        using var http = TestEmulator.Raw(_emulator);

        var body = JArray.Parse(await http.GetStringAsync(TestEmulator.Deployment(_emulator, "fail") + "?success=False&pipeline=FALSE"));
        var detail = JObject.Parse(await http.GetStringAsync(TestEmulator.Deployment(_emulator, "echo") + "/" + _created[0] + "?metadata_only=True"));

        Assert.That(body, Has.Count.EqualTo(1));
        Assert.That(detail.ContainsKey("request_data"), Is.False);
    }

    [Test]
    public async Task List_ExplicitVersion_ListsOnlyThatVersion()
    {
        var onV2 = await _client.Deployment_version_requests_createAsync(new JObject(), "demo", "echo", "v2");

        var v2 = await _client.Deployment_version_requests_listAsync("demo", "echo", "v2");
        var v1 = await _client.Deployment_version_requests_listAsync("demo", "echo", "v1");

        Assert.That(v2.Select(r => r.Id), Does.Contain(onV2.Id));
        Assert.That(v1.Select(r => r.Id), Does.Not.Contain(onV2.Id));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$")]
    private static partial Regex DocumentedTime();
}
