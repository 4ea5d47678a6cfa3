using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Run;

/// <summary>
/// Where an earlier run's output first says "ambiguous": a rerun keeps the lines before it and
/// looks the ambiguous inputs up again (the window has settled, other producers have finished);
/// the lines after it are written again from requests collected, not sent again.
/// </summary>
internal sealed record AmbiguousLines(long First, long FailedBefore, long Count)
{
    /// <summary>The first ambiguous line of <paramref name="outputPath"/> (0-based), or <see langword="null"/> when it has none.</summary>
    public static AmbiguousLines? Find(string outputPath)
    {
        if (!File.Exists(outputPath))
        {
            return null;
        }

        long line = 0, failed = 0, count = 0;
        (long First, long FailedBefore)? first = null;
        foreach (var text in File.ReadLines(outputPath))
        {
            var status = StatusOf(text);
            if (status == ResultLine.Ambiguous)
            {
                first ??= (line, failed);
                count++;
            }

            if (status != UbiOps.Client.RequestStatus.Completed.Value)
            {
                failed++;
            }

            line++;
        }

        return first is { } f ? new AmbiguousLines(f.First, f.FailedBefore, count) : null;
    }

    private static string? StatusOf(string line)
    {
        // Cheap test first: most lines say nothing of ambiguity.
        if (!line.Contains(ResultLine.Ambiguous, StringComparison.Ordinal) && line.Contains("\"status\":\"completed\"", StringComparison.Ordinal))
        {
            return UbiOps.Client.RequestStatus.Completed.Value;
        }

        try
        {
            return JObject.Parse(line).Value<string>("status");
        }
        catch (JsonReaderException)
        {
            return null; // a line torn by a kill: the state does not vouch for it
        }
    }
}
