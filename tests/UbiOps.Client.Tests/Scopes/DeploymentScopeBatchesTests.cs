using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeBatchesTests
{
    private static RequestInput[] Numbered(int count) => Enumerable.Range(0, count).Select(i => (RequestInput)i.ToString()).ToArray();

    [Test]
    public async Task CreateBatchAsync_1000Inputs_FourCallsOf250AndIdsInInputOrder()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api);

        var created = await api.Echo.CreateBatchAsync(Numbered(1000));

        Assert.That(server.CreateCalls, Is.EqualTo(4));
        Assert.That(api.Sent.Select(s => s.BodyJson.Count()), Is.All.EqualTo(250));
        Assert.That(created.Select(c => c.Id), Is.EqualTo(Enumerable.Range(0, 1000).Select(i => $"req-{i}")));
    }

    [Test]
    public async Task CreateBatchAsync_Options_SentAsQuery()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);

#pragma warning disable CS0618 // the notification group is read only by 2024-07 servers, and still sent
        await api.Echo.CreateBatchAsync(["a", "b"], new BatchCreateOptions { Timeout = TimeSpan.FromSeconds(172800), Priority = RequestPriority.High, NotificationGroup = "team a" });
#pragma warning restore CS0618

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests + "/batch?timeout=172800&priority=0&notification_group=team%20a"));
        Assert.That(api.Sent.Single().Body, Is.EqualTo("[\"a\",\"b\"]"));
    }

    [Test]
    public async Task CreateBatchAsync_StructuredInputs_SentAsListOfObjects()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);

        var created = await api.Echo.CreateBatchAsync([RequestInput.FromObject(new { n = 1 }), new JObject { ["n"] = 2 }]);

        Assert.That(api.Sent.Single().Body, Is.EqualTo("[{\"n\":1},{\"n\":2}]"));
        Assert.That(created.Select(c => c.Id), Is.EqualTo(new[] { "req-1", "req-2" }));
    }

    [Test]
    public void CreateBatchAsync_PlainAndStructuredMixed_ThrowsBeforeSending()
    {
        using var api = new ApiMock();

        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateBatchAsync(["a", new JObject { ["n"] = 1 }]));

        Assert.That(error!.Message, Does.Contain("index 1"));
        Assert.That(api.Sent, Is.Empty);
    }

    private static IEnumerable<TestCaseData> InvalidBatchOptions()
    {
        yield return new TestCaseData(new BatchCreateOptions { Timeout = TimeSpan.FromSeconds(9) }, "Timeout").SetName("CreateBatchAsync_TimeoutBelow10_ThrowsBeforeSending");
        yield return new TestCaseData(new BatchCreateOptions { Timeout = TimeSpan.FromSeconds(172801) }, "Timeout").SetName("CreateBatchAsync_TimeoutAbove172800_ThrowsBeforeSending");
#pragma warning disable CS0618 // still checked while it is still sent
        yield return new TestCaseData(new BatchCreateOptions { NotificationGroup = " " }, "NotificationGroup").SetName("CreateBatchAsync_EmptyNotificationGroup_ThrowsBeforeSending");
#pragma warning restore CS0618
        yield return new TestCaseData(new BatchCreateOptions { Priority = (RequestPriority)2 }, "Priority").SetName("CreateBatchAsync_UnknownPriority_ThrowsBeforeSending");
        yield return new TestCaseData(new BatchCreateOptions { MaxConcurrency = 0 }, "MaxConcurrency").SetName("CreateBatchAsync_ZeroConcurrency_ThrowsBeforeSending");
    }

    [TestCaseSource(nameof(InvalidBatchOptions))]
    public void CreateBatchAsync_InvalidOptions(BatchCreateOptions options, string field)
    {
        using var api = new ApiMock();

        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateBatchAsync(["a"], options));

        Assert.That(error!.ParamName, Is.EqualTo(field));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void CreateBatchAsync_NoOrNullInputs_ThrowBeforeSending()
    {
        using var api = new ApiMock();

        Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateBatchAsync([]));
        Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateBatchAsync(["a", null!]));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void CreateBatchAsync_SecondCallFails_ReportsSubmittedAndNotSubmittedIndices()
    {
        using var api = new ApiMock();
        var server = new FakeBatchServer(api) { FailCreateCall = call => call == 2, FailCreateStatus = HttpStatusCode.BadRequest };

        var error = Assert.ThrowsAsync<BatchSubmissionException>(() =>
            api.Echo.CreateBatchAsync(Numbered(600), new BatchCreateOptions { MaxConcurrency = 1 }));

        Assert.That(error!.Submitted.Select(s => s.Index), Is.EqualTo(Enumerable.Range(0, 250)));
        Assert.That(error.Submitted.Select(s => s.RequestId), Is.EqualTo(Enumerable.Range(0, 250).Select(i => $"req-{i}")));
        Assert.That(error.NotCompletedIndices, Is.EqualTo(Enumerable.Range(250, 350)));
        Assert.That(error.InnerException, Is.InstanceOf<UbiOpsApiException>().With.Property("StatusCode").EqualTo(400));
        Assert.That(server.CreateCalls, Is.EqualTo(2), "no new call starts after a failure");
    }

    [Test]
    public void CreateBatchAsync_CancelledWhileACallIsInFlight_ReportsThatCallsRequestsAsSubmitted()
    {
        // The token is cancelled after the server accepted the first call but before it answered:
        // the caller must still learn those 250 ids, or resubmitting "what was not submitted" runs
        // them twice.
        using var api = new ApiMock();
        using var cancellation = new CancellationTokenSource();
        var server = new FakeBatchServer(api)
        {
            BeforeCreateAnswer = async call =>
            {
                await cancellation.CancelAsync();
                await Task.Yield();
            },
        };

        var error = Assert.ThrowsAsync<BatchSubmissionException>(() =>
            api.Echo.CreateBatchAsync(Numbered(600), new BatchCreateOptions { MaxConcurrency = 1 }, cancellation.Token));

        Assert.That(error!.Submitted.Select(s => s.RequestId), Is.EqualTo(Enumerable.Range(0, 250).Select(i => $"req-{i}")));
        Assert.That(error.NotCompletedIndices, Is.EqualTo(Enumerable.Range(250, 350)));
        Assert.That(error.InnerException, Is.InstanceOf<OperationCanceledException>());
        Assert.That(server.CreateCalls, Is.EqualTo(1), "no new call starts after the cancellation");
    }

    [Test]
    public async Task CollectAsync_ServerAnswersInAnyOrder_ResultsInInputOrder()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);
        var ids = Enumerable.Range(0, 300).Select(i => $"id-{(i * 7919) % 1000}").ToArray();

        var details = await api.Echo.CollectAsync(ids);

        Assert.That(details.Select(d => d.Id), Is.EqualTo(ids));
        Assert.That(api.Sent.Select(s => s.BodyJson.Count()).Order(), Is.EqualTo(new[] { 50, 250 }));
        Assert.That(api.Sent.Select(s => s.Url), Is.All.EqualTo(ApiMock.DefaultRequests + "/collect"));
    }

    [Test]
    public async Task CollectAsync_RepeatedId_AskedOnceAndReturnedAtEachPosition()
    {
        using var api = new ApiMock();
        _ = new FakeBatchServer(api);

        var details = await api.Echo.CollectAsync(["a", "b", "a"]);

        Assert.That(api.Sent.Single().Body, Is.EqualTo("[\"a\",\"b\"]"));
        Assert.That(details.Select(d => d.Id), Is.EqualTo(new[] { "a", "b", "a" }));
    }

    [Test]
    public async Task DeleteAsync_600Ids_ThreeCallsOfAtMost250()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests + "/delete").Respond(_ => ApiMock.Json(new JObject()));
        var ids = Enumerable.Range(0, 600).Select(i => $"id-{i}").ToArray();

        await api.Echo.DeleteAsync(ids);

        Assert.That(api.Sent.Select(s => s.BodyJson.Count()).Order(), Is.EqualTo(new[] { 100, 250, 250 }));
        Assert.That(api.Sent.SelectMany(s => s.BodyJson.Values<string>()).Order(), Is.EqualTo(ids.Order()));
    }

    [Test]
    public void DeleteAsync_CallFails_ReportsDeletedAndNotDeletedIndices()
    {
        using var api = new ApiMock();
        var calls = 0;
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests + "/delete").Respond(_ =>
            Interlocked.Increment(ref calls) == 1
                ? ApiMock.Json(new JObject())
                : ApiMock.Json(new { error = "Permission denied" }, HttpStatusCode.Forbidden));
        var ids = Enumerable.Range(0, 400).Select(i => $"id-{i}").ToArray();

        var error = Assert.ThrowsAsync<BatchOperationException>(() => api.Echo.DeleteAsync(ids));

        // The chunks run concurrently, so which chunk was first is not fixed; the split is.
        var deleted = error!.CompletedIndices;
        Assert.That(deleted, Is.EqualTo(Enumerable.Range(0, 250)).Or.EqualTo(Enumerable.Range(250, 150)));
        Assert.That(deleted.Concat(error.NotCompletedIndices).Order(), Is.EqualTo(Enumerable.Range(0, 400)));
        Assert.That(error.InnerException, Is.InstanceOf<UbiOpsApiException>());
    }

    [Test]
    public async Task DeleteAsync_OneIdUnknown_HalvesUntilItIsAloneAndDeletesTheRest()
    {
        using var api = new ApiMock();
        var deleted = new System.Collections.Concurrent.ConcurrentBag<string>();
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests + "/delete").Respond(async request =>
        {
            var ids = JArray.Parse(await request.Content!.ReadAsStringAsync()).Values<string>().Select(id => id!).ToArray();
            if (ids.Contains("id-77"))
            {
                return ApiMock.Json(new { error = "Deployment request not found" }, HttpStatusCode.NotFound);
            }

            foreach (var id in ids)
            {
                deleted.Add(id);
            }

            return ApiMock.Json(new JObject());
        });
        var all = Enumerable.Range(0, 250).Select(i => $"id-{i}").ToArray();

        var result = await api.Echo.DeleteAsync(all);

        Assert.That(result.NotFound, Is.EqualTo(new[] { "id-77" }));
        Assert.That(result.Deleted, Is.EqualTo(all.Where(id => id != "id-77")), "in the caller's order");
        Assert.That(deleted, Is.EquivalentTo(result.Deleted));
        Assert.That(api.Sent, Has.Count.LessThanOrEqualTo(1 + 2 * 8), "about two calls per halving, not one per id");
    }

    [Test]
    public void BatchOperations_EmptyIds_ThrowBeforeSending()
    {
        using var api = new ApiMock();

        Assert.CatchAsync<ArgumentException>(() => api.Echo.CollectAsync([]));
        Assert.CatchAsync<ArgumentException>(() => api.Echo.DeleteAsync(Array.Empty<string>()));
        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.CollectAsync(["a", ""]));
        Assert.That(error!.Message, Does.Contain("index 1"));
        Assert.That(api.Sent, Is.Empty);
    }
}
