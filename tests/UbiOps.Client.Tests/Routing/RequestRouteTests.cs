using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Routing;

/// <summary>
/// Every operation is written once; these check that the default version and an explicit version
/// reach their own paths with the same method.
/// </summary>
public class RequestRouteTests
{
    private static readonly (string Name, string Method, string Suffix, Func<DeploymentScope, Task> Call)[] Operations =
    [
        ("create", "POST", "", s => s.CreateAsync("x")),
        ("batch create", "POST", "/batch", s => s.CreateBatchAsync(["x"])),
        ("collect", "POST", "/collect", s => s.CollectAsync(["r1"])),
        ("batch delete", "POST", "/delete", s => s.DeleteAsync(["r1"])),
        ("get", "GET", "/r1", s => s.GetAsync("r1")),
        ("list", "GET", "", s => s.ListAsync()),
        ("cancel", "PATCH", "/r1", s => s.CancelAsync("r1")),
        ("delete", "DELETE", "/r1", s => s.DeleteAsync("r1")),
        ("batch cancel", "POST", "/cancel?status=pending", s => s.CancelAllAsync(RequestStatus.Pending)),
        ("input", "GET", "/r1/input", async s => (await s.DownloadInputAsync("r1")).Dispose()),
        ("output", "GET", "/r1/output", async s => (await s.DownloadOutputAsync("r1")).Dispose()),
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from op in Operations
        from version in new[] { null, "v2" }
        select new TestCaseData(op.Method, op.Suffix, op.Call, version)
            .SetName($"Route_{op.Name.Replace(' ', '_')}_{(version is null ? "DefaultVersion" : "ExplicitVersion")}_HitsItsPath");

    [TestCaseSource(nameof(Cases))]
    public async Task Route(string method, string suffix, Func<DeploymentScope, Task> call, string? version)
    {
        using var api = new ApiMock();
        api.Http.When("*").Respond(request => Answer(request));
        var scope = version is null ? api.Echo : api.Echo.Version(version);

        await call(scope);

        var expected = (version is null ? ApiMock.DefaultRequests : ApiMock.VersionRequests) + suffix;
        Assert.That(api.Sent, Has.Count.EqualTo(1));
        Assert.That(api.Sent[0].Method.Method, Is.EqualTo(method));
        Assert.That(api.Sent[0].Url, Is.EqualTo(expected));
    }

    [Test]
    public void Version_Empty_ThrowsArgumentException()
    {
        using var api = new ApiMock();
        Assert.Throws<ArgumentException>(() => api.Echo.Version(""));
    }

    private static HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri!.AbsolutePath;
        if (request.Method == HttpMethod.Delete)
        {
            return new HttpResponseMessage(HttpStatusCode.NoContent);
        }

        if (path.EndsWith("/batch", StringComparison.Ordinal))
        {
            return ApiMock.Json(new JArray(ApiMock.Created("r1")));
        }

        if (path.EndsWith("/collect", StringComparison.Ordinal))
        {
            return ApiMock.Json(new JArray(ApiMock.Detail("r1", "pending")));
        }

        if (path.EndsWith("/delete", StringComparison.Ordinal) || path.EndsWith("/cancel", StringComparison.Ordinal))
        {
            return ApiMock.Json(new JObject());
        }

        return request.Method == HttpMethod.Get && path.EndsWith("/requests", StringComparison.Ordinal)
            ? ApiMock.Json(new JArray())
            : ApiMock.Json(ApiMock.Detail("r1", "completed", result: "x"));
    }
}
