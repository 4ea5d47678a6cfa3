using System.Net;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>Each call is recognized by method and path, for a deployment's default version or an explicit one.</summary>
public class RequestClassifierTests
{
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests", "DirectCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests?timeout=60", "DirectCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/batch", "BatchCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/collect", "Collect")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/delete", "BatchDelete")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests", "List")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests/r-1", "Get")]
    [TestCase("PATCH", "/v2.1/projects/p/deployments/d/requests/r-1", "Cancel")]
    [TestCase("DELETE", "/v2.1/projects/p/deployments/d/requests/r-1", "Delete")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests", "DirectCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests/batch", "BatchCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests/collect", "Collect")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests/delete", "BatchDelete")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/versions/v1/requests/r-1", "Get")]
    [TestCase("PATCH", "/v2.1/projects/p/deployments/d/versions/v1/requests/r-1", "Cancel")]
    [TestCase("DELETE", "/v2.1/projects/p/deployments/d/versions/v1/requests/r-1", "Delete")]
    [TestCase("POST", "/projects/p/deployments/d/requests", "DirectCreate")]
    [TestCase("POST", "/gateway/ubiops/v2.1/projects/p/deployments/d/requests/batch", "BatchCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/requests/requests", "DirectCreate")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/requests/requests/batch", "BatchCreate")]
    public void Classify_SdkRoute_IsRecognized(string method, string path, string expected)
    {
        var kind = RequestClassifier.Classify(new HttpMethod(method), new Uri("https://api.test" + path));

        Assert.That(kind.ToString(), Is.EqualTo(expected));
    }

    [TestCase("POST", "/v2.1/projects/p/pipelines/x/requests", "Other")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/r-1/extra", "Other")]
    [TestCase("PUT", "/v2.1/projects/p/deployments/d/requests/r-1", "Other")]
    [TestCase("GET", "/v2.1/status", "Get")]
    public void Classify_UnknownRoute_IsOtherUnlessAPlainRead(string method, string path, string expected)
    {
        var kind = RequestClassifier.Classify(new HttpMethod(method), new Uri("https://api.test" + path));

        Assert.That(kind.ToString(), Is.EqualTo(expected));
        Assert.That(kind.IsSafeToRepeat(), Is.EqualTo(method == "GET"));
    }

    [Test]
    public void Classify_NoRequest_IsOtherAndNotRepeated()
    {
        Assert.That(RequestClassifier.Classify((HttpRequestMessage?)null), Is.EqualTo(ApiOperation.Other));
        Assert.That(ApiOperation.Other.IsSafeToRepeat(), Is.False);
    }

    [Test]
    public async Task Classify_EveryGeneratedOperation_GetsItsKind()
    {
        // Guards against the spec's routes drifting away from what the rules expect.
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.BadRequest, "{\"error\":\"x\"}");
        using var http = new HttpClient(network);
        var raw = new DeploymentRequestsClient(http, new UbiOpsClientOptions { Token = "t", BaseUrl = Routes.BaseUrl });
        var cancel = new DeploymentRequestUpdate { Status = RequestStatus.Cancelled };
        var calls = new (ApiOperation Kind, Func<Task> Call)[]
        {
            (ApiOperation.DirectCreate, () => raw.Deployment_requests_createAsync(RequestInput.FromObject(new { a = 1 }), "p", "d", 60)),
            (ApiOperation.DirectCreate, () => raw.Deployment_version_requests_createAsync(RequestInput.FromObject(new { a = 1 }), "p", "d", "v", 60)),
            (ApiOperation.BatchCreate, () => raw.Batch_deployment_requests_createAsync([RequestInput.FromObject(new { a = 1 })], "p", "d")),
            (ApiOperation.BatchCreate, () => raw.Batch_deployment_version_requests_createAsync([RequestInput.FromObject(new { a = 1 })], "p", "d", "v")),
            (ApiOperation.Collect, () => raw.Deployment_requests_batch_getAsync(["r"], "p", "d")),
            (ApiOperation.Collect, () => raw.Deployment_version_requests_batch_getAsync(["r"], "p", "d", "v")),
            (ApiOperation.BatchDelete, () => raw.Deployment_requests_batch_deleteAsync(["r"], "p", "d")),
            (ApiOperation.BatchDelete, () => raw.Deployment_version_requests_batch_deleteAsync(["r"], "p", "d", "v")),
            (ApiOperation.Get, () => raw.Deployment_requests_getAsync("p", "d", "r")),
            (ApiOperation.Get, () => raw.Deployment_version_requests_getAsync("p", "d", "v", "r")),
            (ApiOperation.List, () => raw.Deployment_requests_listAsync("p", "d", limit: 5)),
            (ApiOperation.List, () => raw.Deployment_version_requests_listAsync("p", "d", "v", limit: 5)),
            (ApiOperation.Cancel, () => raw.Deployment_requests_updateAsync(cancel, "p", "d", "r")),
            (ApiOperation.Cancel, () => raw.Deployment_version_requests_updateAsync(cancel, "p", "d", "v", "r")),
            (ApiOperation.Delete, () => raw.Deployment_requests_deleteAsync("p", "d", "r")),
            (ApiOperation.Delete, () => raw.Deployment_version_requests_deleteAsync("p", "d", "v", "r")),
        };

        foreach (var (_, call) in calls)
        {
            try
            {
                await call();
            }
            catch (UbiOpsApiException)
            {
                // Every call is answered 400: only the request it sent matters here.
            }
        }

        var kinds = network.Requests.Select(r => RequestClassifier.Classify(r.Method, r.Uri)).ToList();
        Assert.That(kinds, Is.EqualTo(calls.Select(c => c.Kind).ToList()));
    }
}
