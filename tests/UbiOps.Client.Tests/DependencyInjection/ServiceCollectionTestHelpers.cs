using Microsoft.Extensions.DependencyInjection;

namespace UbiOps.Client.Tests.DependencyInjection;

internal static class ServiceCollectionTestHelpers
{
    /// <summary>Options for tests: a token, the test host, and retries without backoff.</summary>
    public static void TestOptions(UbiOpsClientOptions options)
    {
        options.Token = "di-test-token";
        options.BaseUrl = Routes.BaseUrl;
        options.Resilience.BaseDelay = TimeSpan.Zero;
    }

    /// <summary>Registers the client with its network replaced by <paramref name="network"/>.</summary>
    public static ServiceProvider BuildWith(ScriptedHandler network, Action<UbiOpsClientOptions>? configure = null, Action<IServiceCollection>? more = null)
    {
        var services = new ServiceCollection();
        services.AddUbiOpsClient(o =>
        {
            TestOptions(o);
            configure?.Invoke(o);
        }).ConfigurePrimaryHttpMessageHandler(() => network);
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }
}
