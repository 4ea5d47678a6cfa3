namespace UbiOps.Client.Tests.Operations;

/// <summary>A call is recognized from its method and path alone (for a proxy or a log), under any base path.</summary>
public class ApiRoutesTests
{
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests", "deployment_requests_create")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/batch", "batch_deployment_requests_create")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/collect", "deployment_requests_batch_get")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/delete", "deployment_requests_batch_delete")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/cancel", "deployment_requests_batch_cancel")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests", "deployment_requests_list")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests/r-1", "deployment_requests_get")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests/r-1/input", "deployment_requests_input_get")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests/r-1/output", "deployment_requests_output_get")]
    [TestCase("PATCH", "/v2.1/projects/p/deployments/d/requests/r-1", "deployment_requests_update")]
    [TestCase("DELETE", "/v2.1/projects/p/deployments/d/requests/r-1", "deployment_requests_delete")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests", "deployment_version_requests_create")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/v1/requests/cancel", "deployment_version_requests_batch_cancel")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/versions/v1/requests/r-1", "deployment_version_requests_get")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/versions/v1/requests/r-1/output", "deployment_version_requests_output_get")]
    [TestCase("get", "/v2.1/projects/p/deployments/d/versions/v1/requests", "deployment_version_requests_list")]
    [TestCase("POST", "/projects/p/deployments/d/requests", "deployment_requests_create")]
    [TestCase("POST", "/gateway/ubiops/v2.1/projects/p/deployments/d/requests/batch", "batch_deployment_requests_create")]
    [TestCase("POST", "/v2.1/projects/p/deployments/requests/requests", "deployment_requests_create")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/versions/requests/requests/batch", "batch_deployment_version_requests_create")]
    [TestCase("GET", "/v2.1/projects/p/deployments/versions/requests", "deployment_requests_list")]
    public void Match_ApiRoute_IsThatOperation(string method, string path, string operationId)
    {
        Assert.That(ApiRoutes.Match(method, path)?.OperationId, Is.EqualTo(operationId));
    }

    [TestCase("POST", "/v2.1/projects/p/pipelines/x/requests")]
    [TestCase("POST", "/v2.1/projects/p/deployments/d/requests/r-1/extra")]
    [TestCase("PUT", "/v2.1/projects/p/deployments/d/requests/r-1")]
    [TestCase("GET", "/v2.1/projects/p/deployments/d/requests/batch")]
    [TestCase("GET", "/v2.1/status")]
    public void Match_OtherRoute_IsNone(string method, string path)
    {
        Assert.That(ApiRoutes.Match(method, path), Is.Null);
    }

    [Test]
    public void RequestsPath_BothVersions_AreTheTemplatesEveryOperationExtends()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ApiOperations.All.Select(o => o.Default.PathTemplate), Has.All.StartWith(ApiRoutes.RequestsPath(versioned: false)));
            Assert.That(ApiOperations.All.Select(o => o.Version.PathTemplate), Has.All.StartWith(ApiRoutes.RequestsPath(versioned: true)));
        });
    }

    [Test]
    public void Match_NullArguments_ThrowNamingThem()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Assert.Throws<ArgumentNullException>(() => ApiRoutes.Match(null!, "/x"))!.ParamName, Is.EqualTo("method"));
            Assert.That(Assert.Throws<ArgumentNullException>(() => ApiRoutes.Match("GET", null!))!.ParamName, Is.EqualTo("path"));
        });
    }
}
