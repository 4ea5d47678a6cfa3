using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;

namespace UbiOps.Client;

/// <summary>
/// Builds, without dependency injection, the same handler chain as <c>AddUbiOpsClient</c>:
/// the rate-limit gate outside, then resilience, then per attempt the rate-limit observer, the
/// server-date observer and telemetry, then the network.
/// </summary>
internal static class UbiOpsHttpPipeline
{
    /// <summary>An <see cref="HttpClient"/> whose timeouts are owned by the resilience pipeline.</summary>
    public static HttpClient CreateHttpClient(
        UbiOpsResilienceOptions options, ILoggerFactory loggerFactory, TimeProvider timeProvider, HttpMessageHandler primaryHandler, RateBudget budget,
        ServerFacts? server = null)
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
        HttpMessageHandler inner = server is null ? telemetry : new ServerDateObserver(server, timeProvider) { InnerHandler = telemetry };
        var observer = new RateLimitObserver(budget) { InnerHandler = inner };
        var resilience = new ResilienceHandler(pipeline) { InnerHandler = observer };
        var gate = new RateLimitGate(budget) { InnerHandler = resilience };
        return new HttpClient(gate, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>
    /// The network handler for a long-lived client: connections are renewed so DNS changes are
    /// seen; with a source address, every connection leaves from it (<see cref="UbiOpsClientOptions.SourceAddress"/>).
    /// </summary>
    public static HttpMessageHandler CreatePrimaryHandler(IPAddress? sourceAddress = null)
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) };
        if (sourceAddress is not null)
        {
            handler.ConnectCallback = (context, cancellationToken) => ConnectFromAsync(sourceAddress, context.DnsEndPoint, cancellationToken);
        }

        return handler;
    }

    private static async ValueTask<Stream> ConnectFromAsync(IPAddress source, DnsEndPoint server, CancellationToken cancellationToken)
    {
        var socket = new Socket(source.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Bind(new IPEndPoint(source, 0));
            await socket.ConnectAsync(server, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
