using Microsoft.Extensions.Logging.Abstractions;

namespace UbiOps.Client.Tests.Resilience;

/// <summary>The client's real handler chain over a scripted network and a fake clock.</summary>
internal sealed class ResilienceTestHarness : IDisposable
{
    public ResilienceTestHarness(Action<UbiOpsResilienceOptions>? configure = null)
    {
        // No backoff unless a test asks for it: waits then come only from the server's headers.
        Options = new UbiOpsResilienceOptions { BaseDelay = TimeSpan.Zero };
        configure?.Invoke(Options);
        Time = new RecordingTimeProvider();
        Network = new ScriptedHandler(Time);
        Budget = new RateBudget(Time);
        Client = UbiOpsHttpPipeline.CreateHttpClient(Options, NullLoggerFactory.Instance, Time, Network, Budget);
    }

    public UbiOpsResilienceOptions Options { get; }

    /// <summary>The rate-limit window the chain's gate and observer share.</summary>
    public RateBudget Budget { get; }

    public RecordingTimeProvider Time { get; }

    public ScriptedHandler Network { get; }

    public HttpClient Client { get; }

    /// <summary>The generated raw client over the same chain.</summary>
    public DeploymentRequestsClient Raw() =>
        new(Client, new UbiOpsClientOptions { Token = "test-token", BaseUrl = Routes.BaseUrl });

    public void Dispose() => Client.Dispose();
}
