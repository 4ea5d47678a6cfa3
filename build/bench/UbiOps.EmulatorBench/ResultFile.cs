using System.Text.Json;

namespace UbiOps.EmulatorBench;

/// <summary>The request ids in a results file of <c>ubiops-requests run</c> (JSON lines with <c>request_id</c>).</summary>
internal static class ResultFile
{
    public static List<string> RequestIds(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String)
            .Select(line => line.GetProperty("request_id").GetString()!)
            .ToList();
}
