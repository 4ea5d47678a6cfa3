using Microsoft.Extensions.Options;

namespace UbiOps.Client;

/// <summary>
/// Fills a token and base URL that configuration left unset from <c>UBIOPS_API_TOKEN</c> and
/// <c>UBIOPS_API_HOST</c>, as the official clients do. It runs after all other configuration, so
/// anything set explicitly wins.
/// </summary>
internal sealed class EnvironmentDefaults : IPostConfigureOptions<UbiOpsClientOptions>
{
    public void PostConfigure(string? name, UbiOpsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ApplyEnvironmentDefaults(Environment.GetEnvironmentVariable);
    }
}
