using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Creating a client: in one line, or with the retry and timeout settings spelled out.</summary>
public static class ConnectExample
{
    /// <summary>Creates a client for the API at <paramref name="baseUrl"/>.</summary>
    /// <param name="token">The API token, with or without the <c>Token </c> prefix.</param>
    /// <param name="baseUrl">The API base URL, e.g. <c>https://api.ubiops.com/v2.1</c> or an emulator's.</param>
    /// <returns>A client; create it once and reuse it.</returns>
    public static UbiOpsClient Connect(string token, string baseUrl)
    {
        // <readme:connect>
        var client = UbiOpsClient.Create(new UbiOpsClientOptions
        {
            Token = token,     // unset: read from UBIOPS_API_TOKEN
            BaseUrl = baseUrl, // unset: UBIOPS_API_HOST, else https://api.ubiops.com/v2.1
        });
        // </readme:connect>
        return client;
    }

    /// <summary>Creates a client with its retry and timeout settings changed from the defaults.</summary>
    /// <param name="token">The API token.</param>
    /// <param name="baseUrl">The API base URL.</param>
    /// <returns>A client.</returns>
    public static UbiOpsClient ConnectWithResilience(string token, string baseUrl)
    {
        // <readme:resilience>
        var client = UbiOpsClient.Create(new UbiOpsClientOptions
        {
            Token = token,
            BaseUrl = baseUrl,
            Resilience =
            {
                MaxRetryAttempts = 5,                    // default 3; 0 turns retries off
                MaxRetryDelay = TimeSpan.FromSeconds(90), // a longer Retry-After is returned, not waited for
                TotalTimeout = TimeSpan.FromMinutes(5),   // all attempts of one call together
            },
        });
        // </readme:resilience>
        return client;
    }
}
