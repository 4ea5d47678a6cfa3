using System.Globalization;
using System.Text.Json;
using UbiOps.Client;

namespace UbiOps.EmulatorBench;

/// <summary>What the benchmark reads of a collected request: its status and the emulator's timestamps.</summary>
internal sealed record RequestTimes(string Id, string Status, DateTimeOffset Created, DateTimeOffset? Completed)
{
    /// <summary>Completed, failed or cancelled: nothing more will happen to it.</summary>
    public bool IsFinished => new RequestStatus(Status).IsTerminal;

    public static RequestTimes From(JsonElement request) => new(
        request.GetProperty("id").GetString()!,
        request.GetProperty("status").GetString()!,
        Time(request.GetProperty("time_created"))!.Value,
        request.TryGetProperty("time_completed", out var completed) ? Time(completed) : null);

    private static DateTimeOffset? Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture) : null;
}
