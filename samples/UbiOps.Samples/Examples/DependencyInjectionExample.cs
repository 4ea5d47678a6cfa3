using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Registering the client in a service collection, from code or from configuration.</summary>
public static class DependencyInjectionExample
{
    /// <summary>Registers the client with options set in code, resolves it and sends one request to <c>echo</c>.</summary>
    /// <param name="token">The API token.</param>
    /// <param name="baseUrl">The API base URL.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The output of the request.</returns>
    public static async Task<string> RunAsync(string token, string baseUrl, string project, CancellationToken cancellationToken = default)
    {
        // <readme:dependency-injection>
        var services = new ServiceCollection();
        services.AddUbiOpsClient(options =>
        {
            options.Token = token;     // unset: UBIOPS_API_TOKEN
            options.BaseUrl = baseUrl; // unset: UBIOPS_API_HOST, else the UbiOps service
        });

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<UbiOpsClient>(); // or inject it into your own services
        // </readme:dependency-injection>

        var response = await client.Deployment(project, "echo").CreateAsync(RequestInput.FromObject(new { via = "options" }), cancellationToken);
        return response.Result!.AsString();
    }

    /// <summary>Registers the client bound from a configuration section, resolves it and sends one request to <c>echo</c>.</summary>
    /// <param name="configuration">Configuration with a <c>UbiOps</c> section (<c>Token</c>, <c>BaseUrl</c>, <c>Resilience:…</c>).</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The output of the request.</returns>
    public static async Task<string> FromConfigurationAsync(IConfiguration configuration, string project, CancellationToken cancellationToken = default)
    {
        var services = new ServiceCollection();

        // <readme:dependency-injection-configuration>
        // appsettings.json: { "UbiOps": { "Token": "...", "Resilience": { "MaxRetryAttempts": 5 } } }
        services.AddUbiOpsClient(configuration.GetSection(UbiOpsClientOptions.SectionName));
        // </readme:dependency-injection-configuration>

        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<UbiOpsClient>();
        var response = await client.Deployment(project, "echo").CreateAsync(RequestInput.FromObject(new { via = "configuration" }), cancellationToken);
        return response.Result!.AsString();
    }
}
