using System.Globalization;
using System.Text;
using UbiOps.Client;

/// <summary>The results as the Markdown table of build/bench/README.md, with the targets' ratios.</summary>
internal static class Table
{
    public static string Render(IReadOnlyList<SideResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | side | inputs | wall | HTTP calls (creates / collects / gets) | 429 | processing | last result after last completion |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {r.Scenario} | {r.Side} | {r.Inputs:N0} | {r.Wall.TotalSeconds:F1} s | {r.Calls.Total} ({r.Calls.Of(ApiOperation.BatchCreate)} / {r.Calls.Of(ApiOperation.Collect)} / {r.Calls.Of(ApiOperation.Get)}) | {r.Calls.Throttled} | {Seconds(r.Processing)} | {Seconds(r.LastResultLag)} |"));
        }

        text.AppendLine();
        var limited = results.Where(r => r.Scenario.StartsWith("300/min", StringComparison.Ordinal)).Take(3).ToArray();
        if (limited.Length == 3)
        {
            var loop = limited[2];
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- Under the rate limit, {loop.Inputs:N0} inputs: library wall / loop wall = **{limited[0].Wall / loop.Wall:F2}x**, CLI wall / loop wall = **{limited[1].Wall / loop.Wall:F2}x**; calls {limited[0].Calls.Total} and {limited[1].Calls.Total} (target <= 420), 429s {limited[0].Calls.Throttled} and {limited[1].Calls.Throttled} (target <= 2)."));
        }

        var perRequest = results.FirstOrDefault(r => r.Side.StartsWith("per-request", StringComparison.Ordinal));
        var engineFew = perRequest is null ? null : results.LastOrDefault(r => r.Inputs == perRequest.Inputs && r.Side.StartsWith("engine", StringComparison.Ordinal));
        if (perRequest is not null && engineFew is not null)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {perRequest.Inputs:N0} inputs: per-request calls / engine calls = **{(double)perRequest.Calls.Total / engineFew.Calls.Total:F0}x** fewer calls (target >= 100x)."));
        }

        foreach (var r in results.Where(r => r.Processing is not null))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {r.Side}, {r.Inputs:N0} inputs: wall / processing = **{r.Wall / r.Processing!.Value:F2}x**, calls {r.Calls.Total}, bound 2·N/250 + work s/5 = {2 * r.Inputs / 250 + r.Processing.Value.TotalSeconds / 5:F0}."));
        }

        return text.ToString();
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? string.Create(CultureInfo.InvariantCulture, $"{v.TotalSeconds:F2} s") : "";
}
