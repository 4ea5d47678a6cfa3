using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace UbiOps.Client;

// Handwritten: a client in one line, without dependency injection, with the same retries,
// timeouts, logging and tracing as AddUbiOpsClient gives.
public partial class UbiOpsClient
{
    /// <summary>
    /// Creates a client with its own HTTP connection pool, retries, timeouts and tracing, the same
    /// as <c>services.AddUbiOpsClient(...)</c> registers. Create it once and reuse it.
    /// </summary>
    /// <param name="options">Token, base URL and resilience settings; <see langword="null"/> reads
    /// <c>UBIOPS_API_TOKEN</c> and <c>UBIOPS_API_HOST</c> (see <see cref="UbiOpsClientOptions.FromEnvironment"/>).</param>
    /// <returns>A ready client.</returns>
    /// <exception cref="ArgumentException">The options are not valid, e.g. no token is set.</exception>
    /// <example>
    /// <code>
    /// var client = UbiOpsClient.Create(new UbiOpsClientOptions { Token = "..." });
    /// </code>
    /// </example>
    public static UbiOpsClient Create(UbiOpsClientOptions? options = null) =>
        Create(options, NullLoggerFactory.Instance);

    /// <summary>
    /// Creates a client as <see cref="Create(UbiOpsClientOptions?)"/> does, logging each HTTP
    /// attempt and each retry to <paramref name="loggerFactory"/>.
    /// </summary>
    /// <param name="options">Token, base URL and resilience settings; <see langword="null"/> reads the environment.</param>
    /// <param name="loggerFactory">Where to log.</param>
    /// <returns>A ready client.</returns>
    /// <exception cref="ArgumentException">The options are not valid, e.g. no token is set.</exception>
    public static UbiOpsClient Create(UbiOpsClientOptions? options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options ??= UbiOpsClientOptions.FromEnvironment();
        // Validate before building anything, so a bad configuration leaks no connection pool.
        options.Validate();
        return Create(options, loggerFactory, TimeProvider.System, UbiOpsHttpPipeline.CreatePrimaryHandler(options.ParsedSourceAddress));
    }

    /// <summary>The seam for tests: a fake clock and a fake network.</summary>
    internal static UbiOpsClient Create(
        UbiOpsClientOptions? options, ILoggerFactory loggerFactory, TimeProvider timeProvider, HttpMessageHandler primaryHandler)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options ??= UbiOpsClientOptions.FromEnvironment();
        options.Validate();
        var budget = new RateBudget(timeProvider);
        var server = new ServerFacts();
        var httpClient = UbiOpsHttpPipeline.CreateHttpClient(options.Resilience, loggerFactory, timeProvider, primaryHandler, budget, server);
        return new UbiOpsClient(new DeploymentRequestsClient(httpClient, options), budget, server, options.Resilience.ReconcileDelay);
    }
}
