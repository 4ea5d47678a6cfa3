using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using UbiOps.Client.Tests.Support;
using static UbiOps.Client.Tests.DependencyInjection.ServiceCollectionTestHelpers;

namespace UbiOps.Client.Tests.DependencyInjection;

public class AddUbiOpsClientTests
{
    private const string GetResponse =
        "{\"id\":\"r-1\",\"deployment\":\"d\",\"version\":\"v1\",\"status\":\"completed\",\"time_created\":\"2020-03-28T20:00:26.613+00:00\"}";

    [Test]
    public void AddUbiOpsClient_WithAction_ResolvesUbiOpsClientOverTheTypedRawClient()
    {
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { o.Token = "t"; o.BaseUrl = "ubiops.example.test"; });
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<UbiOpsClient>();
        var raw = provider.GetRequiredService<DeploymentRequestsClient>();

        Assert.That(client.Raw, Is.InstanceOf<DeploymentRequestsClient>());
        Assert.That(raw, Is.InstanceOf<DeploymentRequestsClient>());
        Assert.That(((DeploymentRequestsClient)raw).BaseUrl, Is.EqualTo("https://ubiops.example.test/v2.1/"), "normalized as ConnectionSettings does");
    }

    [Test]
    public async Task AddUbiOpsClient_ReturnedBuilder_ConfiguresTheRawClientsHttpClient()
    {
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.OK, GetResponse);
        var services = new ServiceCollection();

        IHttpClientBuilder builder = services.AddUbiOpsClient(TestOptions);
        builder.ConfigurePrimaryHttpMessageHandler(() => network);
        using var provider = services.BuildServiceProvider();
        var detail = await provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1");

        Assert.That(builder.Name, Is.EqualTo(UbiOpsServiceCollectionExtensions.HttpClientName));
        Assert.That(detail.Id, Is.EqualTo("r-1"));
        Assert.That(network.Requests.Single().Headers, Does.Contain("Authorization: Token di-test-token"));
        Assert.That(network.Requests.Single().Uri.AbsoluteUri, Is.EqualTo(Routes.BaseUrl + "/projects/p/deployments/d/requests/r-1"));
    }

    [Test]
    public async Task AddUbiOpsClient_WithSourceAddress_ConnectionsLeaveFromIt()
    {
        await using var server = new LoopbackServer(_ => LoopbackServer.Json(200, GetResponse));
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { o.Token = "t"; o.BaseUrl = server.BaseUrl; o.SourceAddress = "127.0.0.3"; });
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1");

        Assert.That(server.RemoteAddresses, Is.EqualTo(new[] { IPAddress.Parse("127.0.0.3") }));
    }

    [Test]
    public void AddUbiOpsClient_HttpClient_LeavesTimeoutsToThePipeline()
    {
        var services = new ServiceCollection();
        var builder = services.AddUbiOpsClient(TestOptions);
        using var provider = services.BuildServiceProvider();

        var httpClient = provider.GetRequiredService<IHttpClientFactory>().CreateClient(builder.Name);

        Assert.That(httpClient.Timeout, Is.EqualTo(Timeout.InfiniteTimeSpan), "HttpClient's 100 s default would cut long direct requests");
    }

    [Test]
    public void AddUbiOpsClient_FromConfigurationSection_BindsTokenBaseUrlAndResilience()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["UbiOps:Token"] = "config-token",
            ["UbiOps:BaseUrl"] = "https://ubiops.example.test/v2.1",
            ["UbiOps:Resilience:MaxRetryAttempts"] = "1",
            ["UbiOps:Resilience:BaseDelay"] = "00:00:00",
            ["UbiOps:Resilience:AttemptTimeout"] = "00:00:05",
        }).Build();
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddUbiOpsClient(configuration.GetSection(UbiOpsClientOptions.SectionName)).ConfigurePrimaryHttpMessageHandler(() => network);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value;
        Assert.That(options.Token, Is.EqualTo("config-token"));
        Assert.That(options.BaseUrl, Is.EqualTo("https://ubiops.example.test/v2.1"));
        Assert.That(options.Resilience.AttemptTimeout, Is.EqualTo(TimeSpan.FromSeconds(5)));

        Assert.ThrowsAsync<UbiOpsApiException>(() => provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1"));
        Assert.That(network.Count, Is.EqualTo(2), "one retry, as configured");
        Assert.That(network.Requests[0].Headers, Does.Contain("Authorization: Token config-token"));
    }

    [Test]
    public void AddUbiOpsClient_InvalidResilienceSetting_FailsAtStartNamingIt()
    {
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { TestOptions(o); o.Resilience.MaxRetryAttempts = 99; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("Resilience.MaxRetryAttempts must be between 0 and 10, not 99."));
    }

    [Test]
    public void AddUbiOpsClient_InvalidBaseUrl_FailsAtStartNamingIt()
    {
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { TestOptions(o); o.BaseUrl = "ftp://files.example.test"; });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("base URL 'ftp://files.example.test' is not a valid http or https URL"));
    }

    [Test]
    public void AddUbiOpsClient_ValidOptions_PassStartValidation()
    {
        var services = new ServiceCollection();
        services.AddUbiOpsClient(TestOptions);
        using var provider = services.BuildServiceProvider();

        Assert.DoesNotThrow(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Test]
    public async Task AddUbiOpsClient_ReadAnswered503ThenOk_IsRetriedThroughTheRegisteredPipeline()
    {
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.ServiceUnavailable).ThenAnswer(HttpStatusCode.OK, GetResponse);
        using var provider = BuildWith(network);

        var detail = await provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1");

        Assert.That(detail.Id, Is.EqualTo("r-1"));
        Assert.That(network.Count, Is.EqualTo(2));
    }

    [Test]
    public void AddUbiOpsClient_CreateAnswered500_IsSentOnce()
    {
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.InternalServerError, "{\"error\":\"boom\"}");
        using var provider = BuildWith(network);

        var error = Assert.ThrowsAsync<UbiOpsApiException>(() =>
            provider.GetRequiredService<UbiOpsClient>().Raw.Batch_deployment_requests_createAsync([RequestInput.FromObject(new { a = 1 })], "p", "d"));

        Assert.That(error!.StatusCode, Is.EqualTo(500));
        Assert.That(network.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AddUbiOpsClient_TimeProviderInServices_TimesTheWaits()
    {
        var time = new RecordingTimeProvider();
        var network = new ScriptedHandler(time)
            .ThenAnswer(HttpStatusCode.TooManyRequests, configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)))
            .ThenAnswer(HttpStatusCode.OK, GetResponse);
        using var provider = BuildWith(network, more: s => s.AddSingleton<TimeProvider>(time));

        var call = provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1");
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));
        await call;

        Assert.That(network.Requests[1].At - network.Requests[0].At, Is.EqualTo(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void AddUbiOpsClient_CalledTwice_KeepsOnePipelineAndAppliesBothConfigurations()
    {
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.ServiceUnavailable);
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { TestOptions(o); o.Resilience.MaxRetryAttempts = 1; });
        var second = services.AddUbiOpsClient(o => o.Token = "second-token");
        second.ConfigurePrimaryHttpMessageHandler(() => network);
        using var provider = services.BuildServiceProvider();

        Assert.CatchAsync<UbiOpsApiException>(() => provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_getAsync("p", "d", "r-1"));

        Assert.That(second.Name, Is.EqualTo(UbiOpsServiceCollectionExtensions.HttpClientName));
        Assert.That(network.Count, Is.EqualTo(2), "one retry, not retries of retries");
        Assert.That(network.Requests[0].Headers, Does.Contain("Authorization: Token second-token"));
    }
}
