using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace UbiOps.Client.Tests.Diagnostics;

/// <summary>
/// The token never appears in a log line (at Trace, every category, including IHttpClientFactory's
/// header logging and Polly's), in an exception, or in a ToString().
/// </summary>
public class SecretRedactionTests
{
    private const string Token = "s3cr3t-t0ken-value";

    [Test]
    public async Task Calls_LoggedAtTrace_NeverShowTheToken()
    {
        var network = new ScriptedHandler()
            .ThenAnswer(HttpStatusCode.ServiceUnavailable, configure: r => r.Headers.Add("x-ratelimit-remaining", "17"))
            .ThenAnswer(HttpStatusCode.NoContent, "")
            .ThenAnswer(HttpStatusCode.Unauthorized, "{\"error\":\"Invalid token\"}")
            .ThenThrow(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (api.test:443)"));
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        services.AddUbiOpsClient(o =>
        {
            o.Token = Token;
            o.BaseUrl = Routes.BaseUrl;
            o.Resilience.BaseDelay = TimeSpan.Zero;
            o.Resilience.MaxRetryAttempts = 1;
        }).ConfigurePrimaryHttpMessageHandler(() => network);
        using var provider = services.BuildServiceProvider();
        var raw = provider.GetRequiredService<UbiOpsClient>().Raw;

        await raw.Deployment_requests_deleteAsync("p", "d", "r-1");
        var unauthorized = Assert.CatchAsync<UbiOpsApiException>(() => raw.Deployment_requests_createAsync(RequestInput.FromObject(new { a = 1 }), "p", "d"));
        var refused = Assert.ThrowsAsync<HttpRequestException>(() => raw.Deployment_requests_getAsync("p", "d", "r-1"));

        var records = provider.GetFakeLogCollector().GetSnapshot();
        Assert.That(network.Requests, Has.All.Matches<ScriptedHandler.SentRequest>(r => r.Headers.Contains(Token)), "the token was sent");
        Assert.That(records.Where(r => r.Level == LogLevel.Trace), Is.Not.Empty, "Trace logging was on");
        Assert.That(records, Has.Some.Matches<FakeLogRecord>(r => r.Message.Contains("x-ratelimit-remaining: 17", StringComparison.Ordinal)),
            "allow-listed headers were logged");
        foreach (var record in records)
        {
            var text = $"{record.Category} {record.Message} {record.Exception} " +
                string.Join(" ", record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []);
            Assert.That(text, Does.Not.Contain(Token), $"log record {record.Id} of {record.Category}");
        }

        Assert.That(unauthorized!.ToString(), Does.Not.Contain(Token));
        Assert.That(refused!.ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public void ToString_OfOptionsAndClients_HidesTheToken()
    {
        var options = new UbiOpsClientOptions { Token = Token, BaseUrl = Routes.BaseUrl };
        using var http = new HttpClient();

        Assert.That(options.ToString(), Does.Not.Contain(Token).And.Contain("***"));
        Assert.That(new DeploymentRequestsClient(http, options).ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public void Validate_BadOptions_ExceptionDoesNotShowTheToken()
    {
        var options = new UbiOpsClientOptions { Token = Token, BaseUrl = "not a url at all" };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.That(error!.ToString(), Does.Not.Contain(Token));
    }

    [Test]
    public void Format_Answer_KeepsOnlyAllowListedHeaders()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };
        response.Headers.Add("x-ratelimit-reset", "30");
        response.Headers.Add("Set-Cookie", "session=" + Token);
        response.Headers.Add("X-Custom-Secret", Token);

        var formatted = LoggedHeaders.Format(response);

        Assert.That(formatted, Does.Contain("x-ratelimit-reset: 30"));
        Assert.That(formatted, Does.Contain("Content-Type: application/json"));
        Assert.That(formatted, Does.Not.Contain(Token).And.Not.Contain("Set-Cookie").And.Not.Contain("X-Custom-Secret"));
        Assert.That(LoggedHeaders.IsAllowed("Authorization"), Is.False);
    }
}
