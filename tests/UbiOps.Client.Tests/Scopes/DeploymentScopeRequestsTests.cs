using System.Net;
using Newtonsoft.Json.Linq;
using RichardSzalay.MockHttp;

namespace UbiOps.Client.Tests.Scopes;

public class DeploymentScopeRequestsTests
{
    [Test]
    public async Task CreateAsync_PlainInput_SendsJsonStringWithTimeout()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "completed", result: "olleh")));

        var created = await api.Echo.CreateAsync("hello", TimeSpan.FromSeconds(600));

        var sent = api.Sent.Single();
        Assert.That(sent.Url, Is.EqualTo(ApiMock.DefaultRequests + "?timeout=600"));
        Assert.That(sent.Body, Is.EqualTo("\"hello\""));
        Assert.That(sent.ContentType, Is.EqualTo("application/json"));
        Assert.That(created.Result!.AsString(), Is.EqualTo("olleh"));
    }

    [Test]
    public async Task CreateAsync_StructuredInput_SendsJsonObject()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "completed", result: new { y = 2 })));

        var created = await api.Echo.CreateAsync(RequestInput.FromObject(new { x = 1, name = "a" }));

        Assert.That(JToken.DeepEquals(api.Sent.Single().BodyJson, JObject.Parse("{\"x\":1,\"name\":\"a\"}")), Is.True, api.Sent.Single().Body);
        Assert.That(created.Result!.AsJson()["y"]!.Value<int>(), Is.EqualTo(2));
    }

    [Test]
    public async Task CreateAsync_RequestFailsInDeployment_ReturnsFailedStatusAndError()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Post, ApiMock.DefaultRequests).Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "failed", error: "division by zero")));

        var created = await api.Echo.CreateAsync("x");

        Assert.That(created.Status, Is.EqualTo(RequestStatus.Failed));
        Assert.That(created.ErrorMessage, Is.EqualTo("division by zero"));
    }

    [TestCase(9)]
    [TestCase(3601)]
    public void CreateAsync_TimeoutOutOfRange_ThrowsBeforeSending(int seconds)
    {
        using var api = new ApiMock();

        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateAsync("x", TimeSpan.FromSeconds(seconds)));

        Assert.That(error!.ParamName, Is.EqualTo("timeout"));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public void CreateAsync_TimeoutWithFractionOfASecond_ThrowsBeforeSending()
    {
        using var api = new ApiMock();

        var error = Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateAsync("x", TimeSpan.FromSeconds(10.5)));

        Assert.That(error!.ParamName, Is.EqualTo("timeout"));
        Assert.That(error.Message, Does.Contain("whole number of seconds"));
        Assert.That(api.Sent, Is.Empty);
    }

    [Test]
    public async Task GetAsync_WithoutMetadataOnly_SendsNoQuery()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests + "/r1").Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "completed", result: "x")));

        var detail = await api.Echo.GetAsync("r1");

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests + "/r1"));
        Assert.That(detail.Result!.AsString(), Is.EqualTo("x"));
    }

    [Test]
    public async Task GetMetadataAsync_SendsTheFlag()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests + "/r1").Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "processing")));

        var detail = await api.Echo.GetMetadataAsync("r1");

        Assert.That(api.Sent.Single().Url, Is.EqualTo(ApiMock.DefaultRequests + "/r1?metadata_only=true"));
        Assert.That(detail.Status, Is.EqualTo(RequestStatus.Processing));
    }

    [Test]
    public async Task CancelAsync_SendsCancelledStatus()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Patch, ApiMock.DefaultRequests + "/r1").Respond(_ => ApiMock.Json(ApiMock.Detail("r1", "cancelled_pending")));

        var updated = await api.Echo.CancelAsync("r1");

        Assert.That(api.Sent.Single().Body, Is.EqualTo("{\"status\":\"cancelled\"}"));
        Assert.That(updated.Status?.IsTerminal, Is.False, "cancelled_pending is on the way, not there");
    }

    [Test]
    public void GetAsync_UnknownRequest_ThrowsUbiOpsApiExceptionWithServerError()
    {
        using var api = new ApiMock();
        api.Http.When(HttpMethod.Get, ApiMock.DefaultRequests + "/nope")
            .Respond(_ => ApiMock.Json(new { error = "Deployment request not found" }, HttpStatusCode.NotFound));

        var error = Assert.CatchAsync<UbiOpsApiException>(() => api.Echo.GetAsync("nope"));

        Assert.That(error!.StatusCode, Is.EqualTo(404));
        Assert.That(error.Error, Is.EqualTo("Deployment request not found"));
    }

    [Test]
    public void OneRequestOperations_EmptyId_ThrowBeforeSending()
    {
        using var api = new ApiMock();

        Assert.CatchAsync<ArgumentException>(() => api.Echo.GetAsync(" "));
        Assert.CatchAsync<ArgumentException>(() => api.Echo.CancelAsync(""));
        Assert.CatchAsync<ArgumentException>(() => api.Echo.DeleteAsync(""));
        Assert.CatchAsync<ArgumentException>(() => api.Echo.CreateAsync(null!));
        Assert.That(api.Sent, Is.Empty);
    }
}
