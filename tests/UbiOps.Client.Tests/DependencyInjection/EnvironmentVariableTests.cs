using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace UbiOps.Client.Tests.DependencyInjection;

/// <summary>UBIOPS_API_TOKEN and UBIOPS_API_HOST fill what configuration leaves unset. Changes the process environment.</summary>
[NonParallelizable]
public class EnvironmentVariableTests
{
    [Test]
    public void AddUbiOpsClient_NoTokenAnywhere_FailsAtStartNamingTheToken()
    {
        using var environment = EnvironmentScope.Clean();
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => o.BaseUrl = Routes.BaseUrl);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.That(error!.Message, Does.Contain("No UbiOps API token is configured"));
        Assert.That(error.Message, Does.Contain("UBIOPS_API_TOKEN"));
    }

    [Test]
    public async Task AddUbiOpsClient_TokenAndHostUnset_ComeFromTheEnvironment()
    {
        using var environment = new EnvironmentScope(
            (UbiOpsClientOptions.TokenEnvironmentVariable, "env-token"),
            (UbiOpsClientOptions.HostEnvironmentVariable, "ubiops.env.test"));
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.NoContent, "");
        var services = new ServiceCollection();
        services.AddUbiOpsClient().ConfigurePrimaryHttpMessageHandler(() => network);
        using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<UbiOpsClient>().Raw.Deployment_requests_deleteAsync("p", "d", "r-1");

        var sent = network.Requests.Single();
        Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo("https://ubiops.env.test/v2.1/projects/p/deployments/d/requests/r-1"));
        Assert.That(sent.Headers, Does.Contain("Authorization: Token env-token"));
    }

    [Test]
    public void AddUbiOpsClient_ExplicitTokenAndBaseUrl_WinOverTheEnvironment()
    {
        using var environment = new EnvironmentScope(
            (UbiOpsClientOptions.TokenEnvironmentVariable, "env-token"),
            (UbiOpsClientOptions.HostEnvironmentVariable, "ubiops.env.test"));
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o => { o.Token = "explicit"; o.BaseUrl = "https://explicit.test/v2.1"; });
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value;

        Assert.That(options.Token, Is.EqualTo("explicit"));
        Assert.That(options.BaseUrl, Is.EqualTo("https://explicit.test/v2.1"));
    }
}
