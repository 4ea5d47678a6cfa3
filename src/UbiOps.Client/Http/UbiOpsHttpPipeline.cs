using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace UbiOps.Client;

/// <summary>
/// Builds, without dependency injection, the same handler chain as <c>AddUbiOpsClient</c>:
/// the rate-limit gate outside, then resilience, then per attempt the rate-limit observer and
/// telemetry, then the network.
/// </summary>
internal static class UbiOpsHttpPipeline
{
    /// <summary>An <see cref="HttpClient"/> whose timeouts are owned by the resilience pipeline.</summary>
    public static HttpClient CreateHttpClient(
        UbiOpsResilienceOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, HttpMessageHandler primaryHandler, RateBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(primaryHandler);

        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddUbiOpsStrategies(options, timeProvider)
            .ConfigureTelemetry(loggerFactory)
            .Build();

        var telemetry = new TelemetryHandler(loggerFactory, timeProvider) { InnerHandler = primaryHandler };
        var observer = new RateLimitObserver(budget) { InnerHandler = telemetry };
        var resilience = new ResilienceHandler(pipeline) { InnerHandler = observer };
        var gate = new RateLimitGate(budget) { InnerHandler = resilience };
        return new HttpClient(gate, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>The network handler for a long-lived client: connections are renewed so DNS changes are seen.</summary>
    public static HttpMessageHandler CreatePrimaryHandler() =>
        new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
}
