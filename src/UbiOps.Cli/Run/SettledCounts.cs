using UbiOps.Client;

namespace UbiOps.Cli.Run;

/// <summary>
/// How many of a run's inputs whose batch call lost its answer could not be told by the look-up,
/// and how each went (<c>--on-ambiguous</c>): for the summary line.
/// </summary>
internal sealed class SettledCounts
{
    private long _ambiguous, _adopted, _resent;

    public void Add(ResultLine line)
    {
        if (line.Status == ResultLine.Ambiguous)
        {
            _ambiguous++;
        }
        else if (line.Resolution == AmbiguityResolution.Adopted)
        {
            _adopted++;
        }
        else if (line.Resolution == AmbiguityResolution.SentAgain)
        {
            _resent++;
        }
    }

    /// <summary>Nothing when every input's request was told; else a sentence for the summary.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (_adopted > 0)
        {
            parts.Add($"{_adopted} ambiguous input(s) adopted a candidate");
        }

        if (_resent > 0)
        {
            parts.Add($"{_resent} ambiguous input(s) sent again");
        }

        if (_ambiguous > 0)
        {
            parts.Add($"{_ambiguous} left ambiguous (their lines name the candidates; run again to look them up again, " +
                      "or pass --on-ambiguous adopt|resend)");
        }

        return parts.Count == 0 ? "" : " " + string.Join("; ", parts) + ".";
    }
}
