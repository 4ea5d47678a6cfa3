using System.Globalization;

namespace UbiOps.EmulatorBench;

/// <summary>One line of <c>key=value</c> pairs, easy to read and to parse in the benchmark script.</summary>
internal static class Report
{
    public static string Line(int requests, Window window, params (string Key, double Value)[] extra)
    {
        var pairs = new List<(string, string)>
        {
            ("requests", requests.ToString(CultureInfo.InvariantCulture)),
            ("completed", window.Completed.ToString(CultureInfo.InvariantCulture)),
            ("not_completed", window.NotCompleted.ToString(CultureInfo.InvariantCulture)),
            ("window_seconds", window.Seconds.ToString("F3", CultureInfo.InvariantCulture)),
            ("window_per_second", (requests / window.Seconds).ToString("F0", CultureInfo.InvariantCulture)),
        };
        pairs.AddRange(extra.Select(e => (e.Key, e.Value.ToString("F3", CultureInfo.InvariantCulture))));
        return string.Join(' ', pairs.Select(p => $"{p.Item1}={p.Item2}"));
    }
}
