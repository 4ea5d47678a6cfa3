using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace UbiOps.Client.Tests;

/// <summary>
/// <see cref="UbiOpsClient.Create(UbiOpsClientOptions?)"/> gives the same pipeline as dependency
/// injection. Some tests use a real HTTP server on 127.0.0.1, to see what a real connection does.
/// </summary>
public class UbiOpsClientCreateTests
{
    private const string GetResponse =
        "{\"id\":\"r-1\",\"deployment\":\"d\",\"version\":\"v1\",\"status\":\"completed\",\"time_created\":\"2020-03-28T20:00:26.613+00:00\"}";

    [Test]
    public async Task Create_PublicOverload_CallsTheServerWithTokenAndUserAgent()
    {
        string? seen = null;
        await using var server = new LoopbackServer(head => { seen = head; return LoopbackServer.Json(200, GetResponse); });
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = "create-token", BaseUrl = server.BaseUrl });

        var detail = await client.Raw.Deployment_requests_getAsync("p", "d", "r-1");

        Assert.That(detail.Id, Is.EqualTo("r-1"));
        Assert.That(seen, Does.StartWith("GET /v2.1/projects/p/deployments/d/requests/r-1 HTTP/1.1"));
        Assert.That(seen, Does.Contain("Authorization: Token create-token"));
        Assert.That(seen, Does.Contain("User-Agent: UbiOps/dotnet/"));
    }

    [Test]
    public async Task Create_WithSourceAddress_EveryConnectionLeavesFromIt()
    {
        // All of 127.0.0.0/8 is this host's on Linux: 127.0.0.2 is a second local address.
        await using var server = new LoopbackServer(_ => LoopbackServer.Json(200, GetResponse));
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = "t", BaseUrl = server.BaseUrl, SourceAddress = "127.0.0.2" });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.Raw.Deployment_requests_getAsync("p", "d", "r-1")));

        Assert.That(server.RemoteAddresses, Is.Not.Empty);
        Assert.That(server.RemoteAddresses, Is.All.EqualTo(IPAddress.Parse("127.0.0.2")));
    }

    [Test]
    public async Task Create_WithoutSourceAddress_TheSystemChoosesTheLoopbackAddress()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Json(200, GetResponse));
        var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = "t", BaseUrl = server.BaseUrl });

        await client.Raw.Deployment_requests_getAsync("p", "d", "r-1");

        Assert.That(server.RemoteAddresses, Is.EqualTo(new[] { IPAddress.Loopback }));
    }

    [Test]
    public async Task Create_DirectCreateWhoseConnectionDropsAfterSending_IsSentExactlyOnce()
    {
        // The server reads the whole request, then hangs up without answering: it may have
        // started the model, so the client must not send the request again.
        await using var server = new LoopbackServer(_ => null);
        var client = Create(server.BaseUrl);

        Assert.CatchAsync<HttpRequestException>(() => client.Raw.Deployment_requests_createAsync(RequestInput.FromObject(new { a = 1 }), "p", "d", timeout: 60));

        Assert.That(server.Requests, Is.EqualTo(1));
        Assert.That(server.Connections, Is.EqualTo(1));
    }

    [Test]
    public async Task Create_ReadWhoseConnectionDrops_IsRetried()
    {
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        await using var server = new LoopbackServer(_ => null);
        var options = new UbiOpsClientOptions { Token = "t", BaseUrl = server.BaseUrl };
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.MaxRetryAttempts = 2;
        var client = UbiOpsClient.Create(options, loggerFactory, TimeProvider.System, new SocketsHttpHandler());

        Assert.CatchAsync<HttpRequestException>(() => client.Raw.Deployment_requests_getAsync("p", "d", "r-1"));

        var attempts = logs.GetSnapshot().Where(r => r.Id.Name == "Failed").Select(r => r.GetStructuredStateValue("Attempt"));
        Assert.That(attempts, Is.EqualTo(new[] { "1", "2", "3" }));
        // SocketsHttpHandler also resends a request without a body on a fresh connection by itself,
        // so the server sees at least one request per attempt (it never does so for a POST with a body).
        Assert.That(server.Requests, Is.GreaterThanOrEqualTo(3));
    }

    [Test]
    public void Create_CreateWhoseConnectionIsRefused_IsRetried()
    {
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var options = new UbiOpsClientOptions { Token = "t", BaseUrl = $"http://127.0.0.1:{LoopbackServer.UnusedPort()}/v2.1" };
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.MaxRetryAttempts = 2;
        var client = UbiOpsClient.Create(options, loggerFactory, TimeProvider.System, new SocketsHttpHandler());

        var error = Assert.CatchAsync<HttpRequestException>(() => client.Raw.Deployment_requests_createAsync(RequestInput.FromObject(new { a = 1 }), "p", "d"));

        Assert.That(error!.HttpRequestError, Is.EqualTo(HttpRequestError.ConnectionError));
        var attempts = logs.GetSnapshot().Where(r => r.Id.Name == "Failed").Select(r => r.GetStructuredStateValue("Attempt"));
        Assert.That(attempts, Is.EqualTo(new[] { "1", "2", "3" }), "nothing was sent, so trying again is safe");
    }

    [Test]
    public async Task Create_WithLoggerFactory_LogsEachAttempt()
    {
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Debug).AddProvider(new FakeLoggerProvider(logs)));
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.BadGateway).ThenAnswer(HttpStatusCode.OK, GetResponse);
        var options = new UbiOpsClientOptions { Token = "t", BaseUrl = Routes.BaseUrl };
        options.Resilience.BaseDelay = TimeSpan.Zero;
        var client = UbiOpsClient.Create(options, loggerFactory, TimeProvider.System, network);

        await client.Raw.Deployment_requests_getAsync("p", "d", "r-1");

        var statuses = logs.GetSnapshot().Where(r => r.Id.Name == "Answered").Select(r => r.GetStructuredStateValue("StatusCode"));
        Assert.That(statuses, Is.EqualTo(new[] { "502", "200" }));
    }

    [Test]
    public void Create_InvalidOptions_ThrowsBeforeBuildingAnything()
    {
        var options = new UbiOpsClientOptions { Token = "t", BaseUrl = "https://api.test", Resilience = { MaxRetryAttempts = -1 } };

        var error = Assert.Throws<ArgumentException>(() => UbiOpsClient.Create(options));

        Assert.That(error!.Message, Does.Contain("Resilience.MaxRetryAttempts"));
    }

    private static UbiOpsClient Create(string baseUrl, int maxRetryAttempts = 3)
    {
        var options = new UbiOpsClientOptions { Token = "t", BaseUrl = baseUrl };
        options.Resilience.BaseDelay = TimeSpan.Zero;
        options.Resilience.MaxRetryAttempts = maxRetryAttempts;
        return UbiOpsClient.Create(options, NullLoggerFactory.Instance, TimeProvider.System, new SocketsHttpHandler());
    }
}
