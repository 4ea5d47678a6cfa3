using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UbiOps.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Registers the UbiOps client: options, the raw client as a typed <see cref="HttpClient"/> client,
/// and <see cref="UbiOpsClient"/>.
/// </summary>
public static class UbiOpsServiceCollectionExtensions
{
    /// <summary>
    /// The name of the <see cref="HttpClient"/> the raw client sends with, for configuring it
    /// through <see cref="IHttpClientFactory"/> (the builder returned by <c>AddUbiOpsClient</c> has it).
    /// </summary>
    public const string HttpClientName = "UbiOps.Client";

    /// <summary>
    /// Registers <see cref="UbiOpsClient"/>, configured by
    /// <paramref name="configure"/>; a token or host left unset comes from <c>UBIOPS_API_TOKEN</c> /
    /// <c>UBIOPS_API_HOST</c>. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the token, base URL and resilience settings; may be <see langword="null"/>.</param>
    /// <returns>The builder of the underlying HTTP client, to add handlers or a primary handler.</returns>
    /// <example>
    /// <code>
    /// services.AddUbiOpsClient(o => o.Token = "...");
    /// </code>
    /// </example>
    public static IHttpClientBuilder AddUbiOpsClient(this IServiceCollection services, Action<UbiOpsClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<UbiOpsClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        return AddCore(services);
    }

    /// <summary>
    /// Registers <see cref="UbiOpsClient"/>, bound from a
    /// configuration section (usually <c>configuration.GetSection("UbiOps")</c>, see
    /// <see cref="UbiOpsClientOptions.SectionName"/>), e.g. keys <c>Token</c>, <c>BaseUrl</c>,
    /// <c>Resilience:MaxRetryAttempts</c>. The options are validated when the host starts.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configurationSection">The section to bind the options from.</param>
    /// <returns>The builder of the underlying HTTP client, to add handlers or a primary handler.</returns>
    public static IHttpClientBuilder AddUbiOpsClient(this IServiceCollection services, IConfiguration configurationSection)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configurationSection);
        services.AddOptions<UbiOpsClientOptions>().Bind(configurationSection);
        return AddCore(services);
    }

    private static IHttpClientBuilder AddCore(IServiceCollection services)
    {
        // A second call adds configuration only: a second set of handlers would nest the
        // retries (4 x 4 attempts) and log every attempt twice.
        if (services.Any(d => d.ServiceType == typeof(Registered)))
        {
            return services.AddHttpClient(HttpClientName);
        }

        services.AddSingleton<Registered>();
        services.AddOptions<UbiOpsClientOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<UbiOpsClientOptions>, EnvironmentDefaults>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<UbiOpsClientOptions>, UbiOpsClientOptionsValidator>());

        var builder = services
            .AddHttpClient<DeploymentRequestsClient, DeploymentRequestsClient>(
                HttpClientName,
                (httpClient, provider) => new DeploymentRequestsClient(httpClient, provider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value))
            // The pipeline owns timeouts: a direct request may take up to an hour, HttpClient's default is 100 s.
            .ConfigureHttpClient(httpClient => httpClient.Timeout = Timeout.InfiniteTimeSpan)
            // IHttpClientFactory's default loggers redact header values in the message text but
            // keep the raw Authorization header in the structured state, where a structured sink
            // would export the token. TelemetryHandler logs instead, with an allow-list of headers.
            .RemoveAllLoggers()
            // Connections leave from SourceAddress when one is set (the rate limit is counted per address).
            .ConfigurePrimaryHttpMessageHandler(provider => UbiOpsHttpPipeline.CreatePrimaryHandler(
                provider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value.ParsedSourceAddress));

        // One rate-limit window for every call of the container's client: the server counts per address.
        services.TryAddSingleton(provider => new RateBudget(TimeProviderOf(provider)));
        services.TryAddSingleton<ServerFacts>(); // like the rate budget: one server, one clock offset, however many clients

        // Outermost: a call waiting for the window counts against no attempt or total timeout.
        builder.AddHttpMessageHandler(provider => new RateLimitGate(provider.GetRequiredService<RateBudget>()));

        builder.AddResilienceHandler(UbiOpsResiliencePipeline.Name, (pipeline, context) =>
        {
            var options = context.ServiceProvider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value;
            pipeline.AddUbiOpsStrategies(options.Resilience, TimeProviderOf(context.ServiceProvider));
        });

        // Added after the resilience handler, so they sit inside it and see every attempt.
        builder.AddHttpMessageHandler(provider => new RateLimitObserver(provider.GetRequiredService<RateBudget>()));
        builder.AddHttpMessageHandler(provider => new ServerDateObserver(provider.GetRequiredService<ServerFacts>(), TimeProviderOf(provider)));
        builder.AddHttpMessageHandler(provider => new TelemetryHandler(
            provider.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance, TimeProviderOf(provider)));

        services.TryAddTransient(provider => new UbiOpsClient(
            provider.GetRequiredService<DeploymentRequestsClient>(), provider.GetRequiredService<RateBudget>(),
            provider.GetRequiredService<ServerFacts>(),
            provider.GetRequiredService<IOptions<UbiOpsClientOptions>>().Value.Resilience.ReconcileDelay));
        return builder;
    }

    /// <summary>Marks a service collection the client's handlers were added to.</summary>
    private sealed class Registered;

    private static TimeProvider TimeProviderOf(IServiceProvider provider) =>
        provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
