using System.Web;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeListTests
{
    /// <summary>A list endpoint over <paramref name="total"/> requests that honours limit and offset.</summary>
    private static ApiMock PagedApi(int total)
    {
        var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(request =>
        {
            var query = HttpUtility.ParseQueryString(request.RequestUri!.Query);
            var limit = int.Parse(query["limit"] ?? "50");
            var offset = int.Parse(query["offset"] ?? "0");
            var page = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, total - offset))).Select(i => ApiMock.Created($"r{i}", "completed"));
            return ApiMock.Json(new JArray(page));
        });
        return api;
    }

    [Test]
    public async Task ListAllAsync_FivePagesOfTwo_ReadsUntilTheShortPage()
    {
        using var api = PagedApi(5);

        var ids = new List<string>();
        await foreach (var request in api.Echo.ListAllAsync(new RequestFilter { Limit = 2, Status = RequestStatus.Completed }))
        {
            ids.Add(request.Id);
        }

        Assert.That(ids, Is.EqualTo(new[] { "r0", "r1", "r2", "r3", "r4" }));
        Assert.That(api.Sent.Select(s => s.Url), Is.EqualTo(new[]
        {
            ApiMock.DefaultRequests + "?status=completed&limit=2&offset=0",
            ApiMock.DefaultRequests + "?status=completed&limit=2&offset=2",
            ApiMock.DefaultRequests + "?status=completed&limit=2&offset=4",
        }));
    }

    [Test]
    public async Task ListAllAsync_ExactMultipleOfPageSize_StopsOnEmptyPage()
    {
        using var api = PagedApi(4);

        var count = 0;
        await foreach (var _ in api.Echo.ListAllAsync(new RequestFilter { Limit = 2, Offset = 0 }))
        {
            count++;
        }

        Assert.That(count, Is.EqualTo(4));
        Assert.That(api.Sent, Has.Count.EqualTo(3));
    }

    [Test]
    public async Task ListAllAsync_NoLimit_UsesTheServerDefaultPageSizeFromTheOffset()
    {
        using var api = PagedApi(120);

        var ids = new List<string>();
        await foreach (var request in api.Echo.ListAllAsync(new RequestFilter { Offset = 10 }))
        {
            ids.Add(request.Id);
        }

        Assert.That(ids, Has.Count.EqualTo(110));
        Assert.That(ids[0], Is.EqualTo("r10"));
        Assert.That(api.Sent.Select(s => s.Url), Is.EqualTo(new[]
        {
            ApiMock.DefaultRequests + "?limit=50&offset=10",
            ApiMock.DefaultRequests + "?limit=50&offset=60",
            ApiMock.DefaultRequests + "?limit=50&offset=110",
        }));
    }

    [Test]
    public async Task ListAsync_UnknownStatusInAnswer_IsData()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(new JArray(ApiMock.Created("r1", "archived"))));

        var requests = await api.Echo.ListAsync();

        Assert.That(requests.Single().Status.Value, Is.EqualTo("archived"));
    }
}
