using UbiOps.Client;

namespace UbiOps.Cli.Connection;

/// <summary>Builds the SDK client the commands use: the SDK's own retries and timeouts.</summary>
internal static class ClientFactory
{
    public static UbiOpsClient Create(UbiOpsClientOptions options) => UbiOpsClient.Create(options);
}
