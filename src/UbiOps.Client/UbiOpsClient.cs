namespace UbiOps.Client;

/// <summary>
/// The entry point of the SDK: pick a deployment (its default version) or an explicit version,
/// then create, collect, wait for, list, cancel and delete its requests.
/// </summary>
/// <example>
/// <code>
/// var client = new UbiOpsClient(httpClient, new UbiOpsClientOptions { Token = "..." });
/// var echo = client.Deployment("my-project", "echo");
/// </code>
/// </example>
public partial class UbiOpsClient
{
    /// <summary>For mocking frameworks only.</summary>
    protected UbiOpsClient()
    {
        Raw = null!;
        Server = new ServerFacts();
    }

    /// <summary>
    /// Creates a client over the generated client, which sends the HTTP requests; with the rate
    /// budget of its HTTP pipeline when it has one (runs then plan their calls within the window).
    /// </summary>
    internal UbiOpsClient(DeploymentRequestsClient raw, RateBudget? budget, ServerFacts server, TimeSpan reconcileDelay)
    {
        ArgumentNullException.ThrowIfNull(raw);
        Raw = raw;
        Budget = budget;
        Server = server;
        ReconcileDelay = reconcileDelay;
    }

    /// <summary>
    /// Creates a client that sends with <paramref name="httpClient"/> to the configured API, with
    /// whatever handlers that client has. For retries, rate-limit handling and timeouts sized to
    /// each request, use <see cref="Create(UbiOpsClientOptions?)"/> or <c>services.AddUbiOpsClient(...)</c>.
    /// </summary>
    /// <param name="httpClient">The HTTP client; it is not disposed by this client.</param>
    /// <param name="options">Token and base URL; validated here.</param>
    /// <exception cref="ArgumentException">The options are not valid.</exception>
    public UbiOpsClient(HttpClient httpClient, UbiOpsClientOptions options)
        : this(new DeploymentRequestsClient(httpClient, options), budget: null, new ServerFacts(), options.Resilience.ReconcileDelay)
    {
    }

    /// <summary>The API base URL this client calls, as normalized from the options (e.g. <c>https://api.ubiops.com/v2.1</c>).</summary>
    public virtual string BaseUrl => Raw.BaseUrl.TrimEnd('/');

    /// <summary>The generated client, one method per API operation (internal: its names are the spec's operation ids).</summary>
    internal DeploymentRequestsClient Raw { get; }

    /// <summary>The rate-limit window this client's calls share, when its pipeline tracks one.</summary>
    internal RateBudget? Budget { get; }

    /// <summary>What this client learnt about the server (its clock, how it counts input sizes), to look up lost answers.</summary>
    internal ServerFacts Server { get; }

    /// <summary>How long to wait before looking up a create whose answer was lost (<see cref="UbiOpsResilienceOptions.ReconcileDelay"/>).</summary>
    internal TimeSpan ReconcileDelay { get; }

    /// <summary>The requests of the default version of a deployment.</summary>
    /// <param name="project">The project name.</param>
    /// <param name="deployment">The deployment name.</param>
    /// <returns>A scope whose operations address the deployment's default version.</returns>
    /// <exception cref="ArgumentException">A name is empty.</exception>
    public virtual DeploymentScope Deployment(string project, string deployment) =>
        new(this, project, deployment, version: null);
}
