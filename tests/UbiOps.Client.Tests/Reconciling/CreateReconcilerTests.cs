using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;
using UbiOps.Client.Tests.Support;

namespace UbiOps.Client.Tests.Reconciling;

/// <summary>
/// The look-up after a batch create whose answer was lost, at the wire: what the server's records
/// say decides between adopting, sending again and reporting the inputs ambiguous.
/// </summary>
public class CreateReconcilerTests
{
    private const string Batch = ApiMock.DefaultRequests + "/batch";
    private const string Collect = ApiMock.DefaultRequests + "/collect";

    private static readonly RequestInput[] Inputs = [RequestInput.FromObject(new { n = 1 }), RequestInput.FromObject(new { n = 2 })];

    [Test]
    public void CreateBatchAsync_LostAnswerAndTheWindowHoldsARequestWhoseInputWasNotKept_AmbiguousAndNotSentAgain()
    {
        using var api = LostFirstAnswer();
        ListAnswers(api, "req-unknown");
        api.Http.When(HttpMethod.Post, Collect).Respond(_ => ApiMock.Json(new JArray(ApiMock.Detail("req-unknown", "completed", input: null))));

        var error = Assert.ThrowsAsync<BatchSubmissionException>(() => api.Echo.CreateBatchAsync(Inputs));

        Assert.Multiple(() =>
        {
            Assert.That(error!.Ambiguous.Select(a => a.Index), Is.EqualTo(new long[] { 0, 1 }));
            Assert.That(error.Ambiguous.Select(a => a.CandidateRequestIds), Has.All.EqualTo(new[] { "req-unknown" }));
            Assert.That(api.Sent.Count(s => s.Url.StartsWith(Batch, StringComparison.Ordinal)), Is.EqualTo(1), "a request that may be the batch's is never sent again");
        });
    }

    [Test]
    public async Task CreateBatchAsync_LostAnswerAndTheWindowIsEmpty_SentAgainOnce()
    {
        using var api = LostFirstAnswer();
        ListAnswers(api);

        var created = await api.Echo.CreateBatchAsync(Inputs);

        Assert.Multiple(() =>
        {
            Assert.That(created.Select(c => c.Id), Is.EqualTo(new[] { "req-0", "req-1" }));
            Assert.That(api.Sent.Count(s => s.Url.StartsWith(Batch, StringComparison.Ordinal)), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task CreateBatchAsync_LostAnswerAndTheWindowHoldsTheInputs_AdoptsThoseIdsWithoutSendingAgain()
    {
        using var api = LostFirstAnswer();
        ListAnswers(api, "made-0", "made-1");
        api.Http.When(HttpMethod.Post, Collect).Respond(_ => ApiMock.Json(new JArray(
            ApiMock.Detail("made-0", "pending", input: new { n = 1 }),
            ApiMock.Detail("made-1", "pending", input: new { n = 2 }))));

        var created = await api.Echo.CreateBatchAsync(Inputs);

        Assert.Multiple(() =>
        {
            Assert.That(created.Select(c => c.Id), Is.EqualTo(new[] { "made-0", "made-1" }));
            Assert.That(api.Sent.Count(s => s.Url.StartsWith(Batch, StringComparison.Ordinal)), Is.EqualTo(1));
        });
    }

    // The first batch create answers 502 (the server may have made it), the next one is answered.
    private static ApiMock LostFirstAnswer()
    {
        var api = new ApiMock(options => options.Resilience.ReconcileDelay = TimeSpan.Zero);
        var creates = 0;
        api.Http.When(HttpMethod.Post, Batch).Respond(_ => Interlocked.Increment(ref creates) == 1
            ? ApiMock.Json("{\"error\":\"bad gateway\"}", HttpStatusCode.BadGateway)
            : ApiMock.Json(new JArray(ApiMock.Created("req-0"), ApiMock.Created("req-1"))));
        return api;
    }

    // The list of the call's window: these ids on the first page, then an empty page.
    private static void ListAnswers(ApiMock api, params string[] ids) =>
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(request =>
        {
            var first = !(request.RequestUri!.Query.Contains("offset=", StringComparison.Ordinal) && !request.RequestUri.Query.Contains("offset=0", StringComparison.Ordinal));
            return ApiMock.Json(first ? new JArray(ids.Select(id => ApiMock.Created(id, "completed"))) : new JArray());
        });
}
