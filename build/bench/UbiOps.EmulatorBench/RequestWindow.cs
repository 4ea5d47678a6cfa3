using UbiOps.Client;

namespace UbiOps.EmulatorBench;

/// <summary>Reads the window of requests that another client ran, by collecting their ids.</summary>
internal static class RequestWindow
{
    public static async Task<Window> ReadAsync(EmulatorApi api, IReadOnlyList<string> ids)
    {
        var requests = new List<RequestTimes>(ids.Count);
        foreach (var chunk in ids.Chunk(RequestLimits.MaxItemsPerCall))
        {
            requests.AddRange(await api.CollectAsync(chunk));
        }

        return Window.Of(requests);
    }
}
