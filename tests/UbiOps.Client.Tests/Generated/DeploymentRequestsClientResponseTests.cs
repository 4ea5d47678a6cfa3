using System.Net;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

// The deprecated "success" field is still in every documented answer; reading it is the point.
#pragma warning disable CS0618

namespace UbiOps.Client.Tests.Generated;

/// <summary>
/// Every response example of the documentation, read through the client into its model with
/// every field checked; plus the answers a client must survive (date-like results, unknown
/// statuses, empty 204s, 200 or 201 for creates).
/// </summary>
public class DeploymentRequestsClientResponseTests
{
    private static readonly ResourceNames Names = ResourceNames.Plain;

    [Test]
    public async Task Create_DocsFailedExample_ReadsEveryField(
        [Values] bool explicitVersion, [Values(HttpStatusCode.OK, HttpStatusCode.Created)] HttpStatusCode status)
    {
        using var harness = new WireHarness();
        harness.Responds(status, DocExamples.CreateFailed);

        var created = await CreateAsync(harness, explicitVersion, "x");

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("85ae32a7-fe3a-4a55-be27-9db88ae68501"));
            Assert.That(created.Deployment, Is.EqualTo("deployment-1"));
            Assert.That(created.Version, Is.EqualTo("v1"));
            Assert.That(created.Status, Is.EqualTo(RequestStatus.Failed));
            Assert.That(created.Success, Is.False);
            Assert.That(created.Result, Is.Null);
            Assert.That(created.ErrorMessage, Is.EqualTo("Asset ID not supported"));
            Assert.That(created.Timeout, Is.EqualTo(300));
            Assert.That(created.AdditionalProperties, Is.Empty, "every field of the example is in the model");
        });
    }

    [Test]
    public async Task Create_DocsCompletedExample_ReadsEveryField(
        [Values] bool explicitVersion, [Values(HttpStatusCode.OK, HttpStatusCode.Created)] HttpStatusCode status)
    {
        using var harness = new WireHarness();
        harness.Responds(status, DocExamples.CreateCompleted);

        var created = await CreateAsync(harness, explicitVersion, "x");

        Assert.Multiple(() =>
        {
            Assert.That(created.Id, Is.EqualTo("ffce45da-1562-419a-89a0-0a0837e55392"));
            Assert.That(created.Deployment, Is.EqualTo("deployment-1"));
            Assert.That(created.Version, Is.EqualTo("v2"));
            Assert.That(created.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(created.Success, Is.True);
            // The output fields are strings in the example and stay strings.
            Assert.That(Json(created.Result), Is.EqualTo("""{"output-field-1":"2.1369","output-field-2":"5.5832"}"""));
            Assert.That(created.ErrorMessage, Is.Null);
            Assert.That(created.Timeout, Is.EqualTo(300));
            Assert.That(created.AdditionalProperties, Is.Empty);
        });
    }

    [Test]
    public async Task BatchCreate_DocsExample_ReadsEveryFieldInOrder(
        [Values] bool explicitVersion, [Values(HttpStatusCode.OK, HttpStatusCode.Created)] HttpStatusCode status)
    {
        using var harness = new WireHarness();
        harness.Responds(status, DocExamples.BatchCreate);

        var created = (explicitVersion
            ? await harness.Client.Batch_deployment_version_requests_createAsync(["a", "b"], Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Batch_deployment_requests_createAsync(["a", "b"], Names.Project, Names.Deployment)).ToList();

        Assert.That(created, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(created.Select(c => c.Id), Is.EqualTo(new[] { "69eca481-8576-49e8-8e20-ea56f2005bcb", "2521378e-263e-4e2e-85e9-a96254b36536" }));
            foreach (var request in created)
            {
                Assert.That(request.Deployment, Is.EqualTo("deployment-1"));
                Assert.That(request.Version, Is.EqualTo("v1"));
                Assert.That(request.Status, Is.EqualTo(RequestStatus.Pending));
                Assert.That(request.TimeCreated, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 26, 613)).WithSameOffset);
                Assert.That(request.AdditionalProperties, Is.Empty);
            }
        });
    }

    [Test]
    public async Task Collect_DocsExample_ReadsEveryField([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.Collect);
        string[] ids = ["2f909aeb-5c7e-4974-970d-cd0a6a073aca", "85711124-54db-4794-b83d-24492247c6e1"];

        var details = (explicitVersion
            ? await harness.Client.Deployment_version_requests_batch_getAsync(ids, Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_batch_getAsync(ids, Names.Project, Names.Deployment)).ToList();

        Assert.That(details, Has.Count.EqualTo(2));
        var (first, second) = (details[0], details[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Id, Is.EqualTo("2f909aeb-5c7e-4974-970d-cd0a6a073aca"));
            Assert.That(first.TimeCreated, Is.EqualTo(Utc(2020, 3, 29, 8, 9, 10, 729)).WithSameOffset);
            Assert.That(Json(first.RequestData), Is.EqualTo("""{"input":82.2}"""));
            Assert.That(first.Retries, Is.EqualTo(0));

            Assert.That(second.Id, Is.EqualTo("85711124-54db-4794-b83d-24492247c6e1"));
            Assert.That(second.TimeCreated, Is.EqualTo(Utc(2020, 6, 25, 9, 37, 17, 765)).WithSameOffset);
            Assert.That(Json(second.RequestData), Is.EqualTo("""{"input":52.4}"""));
            Assert.That(second.Retries, Is.EqualTo(1));

            foreach (var detail in details)
            {
                Assert.That(detail.Deployment, Is.EqualTo("deployment-1"));
                Assert.That(detail.Version, Is.EqualTo("v1"));
                Assert.That(detail.Status, Is.EqualTo(RequestStatus.Pending));
                Assert.That(detail.Success, Is.Null);
                Assert.That(detail.TimeStarted, Is.Null);
                Assert.That(detail.TimeCompleted, Is.Null);
                Assert.That(detail.Result, Is.Null);
                Assert.That(detail.ErrorMessage, Is.Null);
                Assert.That(detail.InputSize, Is.EqualTo(14));
                Assert.That(detail.OutputSize, Is.Null);
                Assert.That(detail.AdditionalProperties, Is.Empty);
            }
        });
    }

    [Test]
    public async Task Get_DocsExample_ReadsEveryField([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.Get);

        var detail = await GetAsync(harness, explicitVersion);

        Assert.Multiple(() =>
        {
            Assert.That(detail.Id, Is.EqualTo("2f909aeb-5c7e-4974-970d-cd0a6a073aca"));
            Assert.That(detail.Deployment, Is.EqualTo("deployment-1"));
            Assert.That(detail.Version, Is.EqualTo("v1"));
            Assert.That(detail.Status, Is.EqualTo(RequestStatus.Pending));
            Assert.That(detail.Success, Is.Null);
            Assert.That(detail.TimeCreated, Is.EqualTo(Utc(2020, 3, 29, 8, 9, 10, 729)).WithSameOffset);
            Assert.That(detail.TimeStarted, Is.Null);
            Assert.That(detail.TimeCompleted, Is.Null);
            Assert.That(Json(detail.RequestData), Is.EqualTo("""{"input":82.3}"""));
            Assert.That(detail.Result, Is.Null);
            Assert.That(detail.ErrorMessage, Is.Null);
            Assert.That(detail.NotificationGroup, Is.EqualTo("notification-group-1"));
            Assert.That(detail.Retries, Is.EqualTo(0));
            Assert.That(detail.InputSize, Is.EqualTo(14));
            Assert.That(detail.OutputSize, Is.Null);
            Assert.That(detail.AdditionalProperties, Is.Empty);

            Assert.That(detail.Origin, Is.Not.Null);
            Assert.That(detail.Origin!.Deployment, Is.EqualTo("deployment-1"));
            Assert.That(detail.Origin.DeploymentVersion, Is.EqualTo("v1"));
            Assert.That(detail.Origin.CreatedBy, Is.EqualTo("user@example.com"));
            Assert.That(detail.Origin.Pipeline, Is.Null);
            Assert.That(detail.Origin.PipelineVersion, Is.Null);
            Assert.That(detail.Origin.RequestSchedule, Is.Null);
            Assert.That(detail.Origin.AdditionalProperties, Is.Empty);
        });
    }

    [Test]
    public async Task List_DocsExample_ReadsEveryField([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.List);

        var list = await ListAsync(harness, explicitVersion);

        Assert.That(list, Has.Count.EqualTo(2));
        var (pending, completed) = (list[0], list[1]);
        Assert.Multiple(() =>
        {
            Assert.That(pending.Id, Is.EqualTo("69eca481-8576-49e8-8e20-ea56f2005bcb"));
            Assert.That(pending.Status, Is.EqualTo(RequestStatus.Pending));
            Assert.That(pending.Success, Is.Null);
            Assert.That(pending.TimeCreated, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 26, 613)).WithSameOffset);
            Assert.That(pending.TimeStarted, Is.Null);
            Assert.That(pending.TimeCompleted, Is.Null);
            Assert.That(pending.InputSize, Is.EqualTo(10));
            Assert.That(pending.OutputSize, Is.Null);

            Assert.That(completed.Id, Is.EqualTo("2521378e-263e-4e2e-85e9-a96254b36536"));
            Assert.That(completed.Status, Is.EqualTo(RequestStatus.Completed));
            Assert.That(completed.Success, Is.True);
            Assert.That(completed.TimeCreated, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 26, 613)).WithSameOffset);
            Assert.That(completed.TimeStarted, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 41, 276)).WithSameOffset);
            Assert.That(completed.TimeCompleted, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 42, 241)).WithSameOffset);
            Assert.That(completed.InputSize, Is.EqualTo(10));
            Assert.That(completed.OutputSize, Is.EqualTo(10));

            foreach (var item in list)
            {
                Assert.That(item.Deployment, Is.EqualTo("deployment-1"));
                Assert.That(item.Version, Is.EqualTo("v1"));
                Assert.That(item.AdditionalProperties, Is.Empty);
            }
        });
    }

    [Test]
    public async Task List_DocsExampleBetweenDates_ReadsEveryField([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, DocExamples.ListBetweenDates);

        var list = await ListAsync(harness, explicitVersion);

        Assert.That(list, Has.Count.EqualTo(2));
        var (first, second) = (list[0], list[1]);
        Assert.Multiple(() =>
        {
            Assert.That(first.Id, Is.EqualTo("69eca481-8576-49e8-8e20-ea56f2005bcb"));
            Assert.That(first.TimeCreated, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 43, 613)).WithSameOffset);
            Assert.That(first.TimeStarted, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 50, 276)).WithSameOffset);
            Assert.That(first.TimeCompleted, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 55, 241)).WithSameOffset);

            Assert.That(second.Id, Is.EqualTo("2521378e-263e-4e2e-85e9-a96254b36536"));
            Assert.That(second.TimeCreated, Is.EqualTo(Utc(2020, 3, 28, 21, 12, 45, 613)).WithSameOffset);
            Assert.That(second.TimeStarted, Is.EqualTo(Utc(2020, 3, 28, 21, 13, 0, 276)).WithSameOffset);
            Assert.That(second.TimeCompleted, Is.EqualTo(Utc(2020, 3, 28, 21, 13, 5, 241)).WithSameOffset);

            foreach (var item in list)
            {
                Assert.That(item.Deployment, Is.EqualTo("deployment-1"));
                Assert.That(item.Version, Is.EqualTo("v1"));
                Assert.That(item.Status, Is.EqualTo(RequestStatus.Completed));
                Assert.That(item.Success, Is.True);
                Assert.That(item.InputSize, Is.EqualTo(10));
                Assert.That(item.OutputSize, Is.EqualTo(10));
                Assert.That(item.AdditionalProperties, Is.Empty);
            }
        });
    }

    [Test]
    public async Task Update_CancelledPendingAnswer_ReadsEveryField([Values] bool explicitVersion)
    {
        // The docs have no response example for update; this one follows the model's fields.
        const string answer = """
            {
              "id": "2f909aeb-5c7e-4974-970d-cd0a6a073aca",
              "deployment": "deployment-1",
              "version": "v1",
              "status": "cancelled_pending",
              "success": null,
              "time_created": "2020-03-29T08:09:10.729+00:00",
              "time_started": "2020-03-29T08:09:11.002+00:00",
              "time_completed": null,
              "error_message": null,
              "request_data": {"input": 82.3},
              "result": null,
              "notification_group": null
            }
            """;
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, answer);
        var cancel = new DeploymentRequestUpdate { Status = RequestStatus.Cancelled };

        var updated = explicitVersion
            ? await harness.Client.Deployment_version_requests_updateAsync(cancel, Names.Project, Names.Deployment, Names.Version, Names.RequestId)
            : await harness.Client.Deployment_requests_updateAsync(cancel, Names.Project, Names.Deployment, Names.RequestId);

        Assert.Multiple(() =>
        {
            Assert.That(updated.Id, Is.EqualTo("2f909aeb-5c7e-4974-970d-cd0a6a073aca"));
            Assert.That(updated.Deployment, Is.EqualTo("deployment-1"));
            Assert.That(updated.Version, Is.EqualTo("v1"));
            Assert.That(updated.Status, Is.EqualTo(RequestStatus.CancelledPending));
            Assert.That(updated.Success, Is.Null);
            Assert.That(updated.TimeCreated, Is.EqualTo(Utc(2020, 3, 29, 8, 9, 10, 729)).WithSameOffset);
            Assert.That(updated.TimeStarted, Is.EqualTo(Utc(2020, 3, 29, 8, 9, 11, 2)).WithSameOffset);
            Assert.That(updated.TimeCompleted, Is.Null);
            Assert.That(updated.ErrorMessage, Is.Null);
            Assert.That(Json(updated.RequestData), Is.EqualTo("""{"input":82.3}"""));
            Assert.That(updated.Result, Is.Null);
            Assert.That(updated.NotificationGroup, Is.Null);
            Assert.That(updated.AdditionalProperties, Is.Empty);
        });
    }

    [Test]
    public async Task Get_TimesWithNonUtcOffset_KeepInstantAndOffset([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """
            {"id":"r1","deployment":"d","version":"v1","status":"completed",
             "time_created":"2020-03-28T22:00:26.613+02:00","time_started":"2020-03-28T15:00:27.001-05:00","time_completed":"2020-03-28T20:00:28.5Z"}
            """);

        var detail = await GetAsync(harness, explicitVersion);

        Assert.Multiple(() =>
        {
            Assert.That(detail.TimeCreated, Is.EqualTo(new DateTimeOffset(2020, 3, 28, 22, 0, 26, 613, TimeSpan.FromHours(2))).WithSameOffset);
            Assert.That(detail.TimeStarted, Is.EqualTo(new DateTimeOffset(2020, 3, 28, 15, 0, 27, 1, TimeSpan.FromHours(-5))).WithSameOffset);
            Assert.That(detail.TimeCompleted, Is.EqualTo(Utc(2020, 3, 28, 20, 0, 28, 500)).WithSameOffset);
        });
    }

    [Test]
    public async Task Get_ResultIsDateLikeString_ReturnsExactlyThatString([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """
            {"id":"r1","deployment":"d","version":"v1","status":"completed","time_created":"2020-03-28T20:00:26.613+00:00",
             "request_data":"2020-03-28T20:00:26.613+02:00","result":"2020-03-28T20:00:26.613+00:00"}
            """);

        var detail = await GetAsync(harness, explicitVersion);

        Assert.Multiple(() =>
        {
            // DateParseHandling.None: free-form data is never turned into a DateTime (which would
            // lose the offset and re-format the text).
            Assert.That(detail.Result!.AsJson(), Is.EqualTo(new JValue("2020-03-28T20:00:26.613+00:00")));
            Assert.That(detail.RequestData!.AsJson(), Is.EqualTo(new JValue("2020-03-28T20:00:26.613+02:00")));
        });
    }

    [Test]
    public async Task Get_StructuredResultWithDateLikeField_KeepsFieldAsString([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """
            {"id":"r1","deployment":"d","version":"v1","status":"completed","time_created":"2020-03-28T20:00:26.613+00:00",
             "result":{"when":"2020-03-28T20:00:26.613+00:00","score":0.5}}
            """);

        var detail = await GetAsync(harness, explicitVersion);

        var when = detail.Result!.AsJson()["when"] as JValue;
        Assert.Multiple(() =>
        {
            Assert.That(when?.Type, Is.EqualTo(JTokenType.String));
            Assert.That(when?.Value, Is.EqualTo("2020-03-28T20:00:26.613+00:00"));
            Assert.That(Json(detail.Result), Is.EqualTo("""{"when":"2020-03-28T20:00:26.613+00:00","score":0.5}"""));
        });
    }

    [Test]
    public async Task Get_UnknownStatus_IsReadAsData([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """
            {"id":"r1","deployment":"d","version":"v1","status":"queued_somewhere","time_created":"2020-03-28T20:00:26.613+00:00"}
            """);

        var detail = await GetAsync(harness, explicitVersion);

        Assert.That(detail.Status, Is.EqualTo(new RequestStatus("queued_somewhere")));
    }

    [Test]
    public async Task ListCollectAndCreate_UnknownStatus_AreReadAsData()
    {
        const string item = """{"id":"r1","deployment":"d","version":"v1","status":"queued_somewhere","time_created":"2020-03-28T20:00:26.613+00:00"}""";
        using var harness = new WireHarness();

        harness.Responds(HttpStatusCode.OK, $"[{item}]");
        var listed = await harness.Client.Deployment_requests_listAsync(Names.Project, Names.Deployment);
        var collected = await harness.Client.Deployment_requests_batch_getAsync(["r1"], Names.Project, Names.Deployment);
        var batch = await harness.Client.Batch_deployment_requests_createAsync(["x"], Names.Project, Names.Deployment);
        harness.Responds(HttpStatusCode.OK, item);
        var created = await harness.Client.Deployment_requests_createAsync("x", Names.Project, Names.Deployment);

        Assert.Multiple(() =>
        {
            Assert.That(listed.Single().Status, Is.EqualTo(new RequestStatus("queued_somewhere")));
            Assert.That(collected.Single().Status, Is.EqualTo(new RequestStatus("queued_somewhere")));
            Assert.That(batch.Single().Status, Is.EqualTo(new RequestStatus("queued_somewhere")));
            Assert.That(created.Status, Is.EqualTo(new RequestStatus("queued_somewhere")));
        });
    }

    [Test]
    public async Task Delete_NoContentWithEmptyBody_Succeeds([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.NoContent, body: null);

        var delete = explicitVersion
            ? harness.Client.Deployment_version_requests_deleteAsync(Names.Project, Names.Deployment, Names.Version, Names.RequestId)
            : harness.Client.Deployment_requests_deleteAsync(Names.Project, Names.Deployment, Names.RequestId);

        await delete;
        Assert.Multiple(() =>
        {
            Assert.That(delete.IsCompletedSuccessfully, Is.True);
            Assert.That(harness.Request.Method, Is.EqualTo("DELETE"));
        });
    }

    [Test]
    public async Task BatchDelete_JsonObjectAnswer_ReturnsIt([Values] bool explicitVersion)
    {
        using var harness = new WireHarness();
        harness.Responds(HttpStatusCode.OK, """{"deleted":2}""");

        var answer = explicitVersion
            ? await harness.Client.Deployment_version_requests_batch_deleteAsync(["a", "b"], Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_batch_deleteAsync(["a", "b"], Names.Project, Names.Deployment);

        Assert.That(Json(answer), Is.EqualTo("""{"deleted":2}"""));
    }

    private static Task<DeploymentRequestCreateResponse> CreateAsync(WireHarness harness, bool explicitVersion, object data) =>
        explicitVersion
            ? harness.Client.Deployment_version_requests_createAsync(RequestInput.FromObject(data), Names.Project, Names.Deployment, Names.Version)
            : harness.Client.Deployment_requests_createAsync(RequestInput.FromObject(data), Names.Project, Names.Deployment);

    private static Task<DeploymentRequestSingleDetail> GetAsync(WireHarness harness, bool explicitVersion) =>
        explicitVersion
            ? harness.Client.Deployment_version_requests_getAsync(Names.Project, Names.Deployment, Names.Version, Names.RequestId)
            : harness.Client.Deployment_requests_getAsync(Names.Project, Names.Deployment, Names.RequestId);

    private static async Task<List<DeploymentRequestList>> ListAsync(WireHarness harness, bool explicitVersion) =>
        (explicitVersion
            ? await harness.Client.Deployment_version_requests_listAsync(Names.Project, Names.Deployment, Names.Version)
            : await harness.Client.Deployment_requests_listAsync(Names.Project, Names.Deployment)).ToList();

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute, int second, int millisecond) =>
        new(year, month, day, hour, minute, second, millisecond, TimeSpan.Zero);

    private static string Json(object? value) => JsonConvert.SerializeObject(value, Formatting.None);
}
