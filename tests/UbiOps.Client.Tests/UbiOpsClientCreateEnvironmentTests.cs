using System.Net;
using Microsoft.Extensions.Logging.Abstractions;

namespace UbiOps.Client.Tests;

/// <summary>Create without options reads UBIOPS_API_TOKEN and UBIOPS_API_HOST. Changes the process environment.</summary>
[NonParallelizable]
public class UbiOpsClientCreateEnvironmentTests
{
    [Test]
    public void Create_NoOptionsAndNoEnvironment_ThrowsNamingTheToken()
    {
        using var environment = EnvironmentScope.Clean();

        var error = Assert.Throws<ArgumentException>(() => UbiOpsClient.Create());

        Assert.That(error!.ParamName, Is.EqualTo(nameof(UbiOpsClientOptions.Token)));
        Assert.That(error.Message, Does.Contain("UBIOPS_API_TOKEN"));
    }

    [Test]
    public async Task Create_NoOptions_UsesTokenAndHostFromTheEnvironment()
    {
        using var environment = new EnvironmentScope(
            (UbiOpsClientOptions.TokenEnvironmentVariable, "Token env-token"),
            (UbiOpsClientOptions.HostEnvironmentVariable, "ubiops.env.test"));
        var network = new ScriptedHandler().ThenAnswer(HttpStatusCode.NoContent, "");
        var client = UbiOpsClient.Create(null, NullLoggerFactory.Instance, TimeProvider.System, network);

        await client.Raw.Deployment_version_requests_deleteAsync("p", "d", "v1", "r-1");

        var sent = network.Requests.Single();
        Assert.That(sent.Uri.AbsoluteUri, Is.EqualTo("https://ubiops.env.test/v2.1/projects/p/deployments/d/versions/v1/requests/r-1"));
        Assert.That(sent.Headers, Does.Contain("Authorization: Token env-token"));
    }
}
