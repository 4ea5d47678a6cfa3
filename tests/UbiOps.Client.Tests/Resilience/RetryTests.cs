using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>What is retried, per operation: reads always, creates only when nothing was accepted.</summary>
public class RetryTests
{
    [Test]
    public async Task Send_ReadAnswered503TwiceThen200_SucceedsOnTheThirdRequest()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(3));
    }

    [TestCaseSource(typeof(Routes), nameof(Routes.SafeToRepeat))]
    public async Task Send_SafeOperationAnswered500_IsRetried(string kind)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(HttpStatusCode.InternalServerError).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }

    [TestCase(HttpStatusCode.RequestTimeout)]
    [TestCase(HttpStatusCode.BadGateway)]
    [TestCase(HttpStatusCode.GatewayTimeout)]
    public async Task Send_ReadAnsweredTransientStatus_IsRetried(HttpStatusCode status)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(status).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }

    [TestCase(HttpStatusCode.BadRequest)]
    [TestCase(HttpStatusCode.Unauthorized)]
    [TestCase(HttpStatusCode.NotFound)]
    public async Task Send_ReadAnsweredClientError_IsNotRetried(HttpStatusCode status)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(status).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(status));
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_ReadAlwaysAnswered503_StopsAfterMaxRetryAttempts()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 2);
        harness.Network.ThenAnswer(HttpStatusCode.ServiceUnavailable);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(harness.Network.Count, Is.EqualTo(3));
    }

    [Test]
    public async Task Send_MaxRetryAttemptsZero_SendsOnce()
    {
        using var harness = new ResilienceTestHarness(o => o.MaxRetryAttempts = 0);
        harness.Network.ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_ReadWhoseConnectionDrops_IsRetried()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }

    [TestCase("direct-create")]
    [TestCase("batch-create")]
    public async Task Send_CreateAnswered429_IsRetried(string kind)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(HttpStatusCode.TooManyRequests).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }

    [TestCase("direct-create", HttpStatusCode.InternalServerError)]
    [TestCase("direct-create", HttpStatusCode.BadGateway)]
    [TestCase("direct-create", HttpStatusCode.ServiceUnavailable)]
    [TestCase("direct-create", HttpStatusCode.GatewayTimeout)]
    [TestCase("direct-create", HttpStatusCode.RequestTimeout)]
    [TestCase("batch-create", HttpStatusCode.InternalServerError)]
    [TestCase("batch-create", HttpStatusCode.ServiceUnavailable)]
    public async Task Send_CreateAnsweredAmbiguousStatus_IsSentExactlyOnce(string kind, HttpStatusCode status)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(status).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(status), "the failure reaches the caller");
        Assert.That(harness.Network.Count, Is.EqualTo(1), "a create the server may have accepted is never repeated");
    }

    [TestCase("direct-create")]
    [TestCase("batch-create")]
    public void Send_CreateWhoseConnectionDropsAfterSending_IsSentExactlyOnce(string kind)
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenThrow(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.")).ThenAnswer(HttpStatusCode.OK);

        var error = Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment())));

        Assert.That(error!.HttpRequestError, Is.EqualTo(HttpRequestError.ResponseEnded));
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [TestCase("direct-create")]
    [TestCase("batch-create")]
    public async Task Send_CreateWhoseConnectionWasRefused_IsRetried(string kind)
    {
        using var harness = new ResilienceTestHarness();
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        harness.Network.ThenThrow(refused).ThenAnswer(HttpStatusCode.OK);

        using var response = await harness.Client.SendAsync(Routes.For(kind, Routes.NewDeployment()));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }

    [Test]
    public void Send_DirectCreateThroughGeneratedClientAnswered500_IsSentExactlyOnce()
    {
        using var harness = new ResilienceTestHarness();
        harness.Network.ThenAnswer(HttpStatusCode.InternalServerError, "{\"error\":\"boom\"}").ThenAnswer(HttpStatusCode.OK);

        var error = Assert.ThrowsAsync<UbiOpsApiException>(() =>
            harness.Raw().Deployment_requests_createAsync(RequestInput.FromObject(new { input = 1 }), "p", Routes.NewDeployment(), timeout: 60));

        Assert.That(error!.StatusCode, Is.EqualTo(500));
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_DirectCreateTimingOut_IsNotRetried()
    {
        using var harness = new ResilienceTestHarness(o => o.DirectRequestTimeoutMargin = TimeSpan.FromSeconds(5));
        harness.Network.ThenHang().ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.DirectCreate(Routes.NewDeployment(), timeout: 20));
        await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(25));

        Assert.ThrowsAsync<TimeoutRejectedException>(() => call);
        Assert.That(harness.Network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task Send_ReadTimingOut_IsRetried()
    {
        using var harness = new ResilienceTestHarness(o => o.AttemptTimeout = TimeSpan.FromSeconds(10));
        harness.Network.ThenHang().ThenAnswer(HttpStatusCode.OK);

        var call = harness.Client.SendAsync(Routes.Get(Routes.NewDeployment()));
        await harness.Network.Hanging.Task.WaitAsync(TimeSpan.FromSeconds(30));
        harness.Time.Advance(TimeSpan.FromSeconds(10));
        using var response = await call;

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(harness.Network.Count, Is.EqualTo(2));
    }
}
