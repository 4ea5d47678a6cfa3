using System.Text.RegularExpressions;

namespace UbiOps.Samples.Tests.Readme;

/// <summary>Reads the <c>readme:</c> regions of C# files and the <c>csharp</c> blocks of Markdown.</summary>
internal static partial class SnippetReader
{
    /// <summary>
    /// The regions between <c>// &lt;readme:name&gt;</c> and <c>// &lt;/readme:name&gt;</c> lines.
    /// A region that is not closed, is closed by another name, or is nested is reported in <paramref name="problems"/>.
    /// </summary>
    public static IReadOnlyList<Snippet> Regions(string path, string text, List<string> problems)
    {
        var regions = new List<Snippet>();
        var lines = SplitLines(text);
        string? open = null;
        var start = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (OpenMarker().Match(lines[i]) is { Success: true } opening)
            {
                if (open is not null)
                {
                    problems.Add($"{path}:{i + 1}: region '{opening.Groups[1].Value}' opens inside region '{open}'.");
                }

                open = opening.Groups[1].Value;
                start = i + 1;
            }
            else if (CloseMarker().Match(lines[i]) is { Success: true } closing)
            {
                if (open != closing.Groups[1].Value)
                {
                    problems.Add($"{path}:{i + 1}: '{closing.Groups[1].Value}' closes, but the open region is '{open ?? "(none)"}'.");
                }
                else
                {
                    regions.Add(Snippet.Of(open, $"{path}:{start}", lines[start..i]));
                }

                open = null;
            }
            else if (lines[i].Contains("readme:", StringComparison.Ordinal) && lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                problems.Add($"{path}:{i + 1}: a malformed readme marker: '{lines[i].Trim()}'.");
            }
        }

        if (open is not null)
        {
            problems.Add($"{path}: region '{open}' is never closed.");
        }

        return regions;
    }

    /// <summary>The fenced <c>```csharp</c> blocks of a Markdown text, named by their line.</summary>
    public static IReadOnlyList<Snippet> CSharpBlocks(string path, string markdown)
    {
        var blocks = new List<Snippet>();
        var lines = SplitLines(markdown);
        for (var i = 0; i < lines.Length; i++)
        {
            if (FenceOpen().IsMatch(lines[i]))
            {
                var end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                if (end < 0)
                {
                    end = lines.Length;
                }

                blocks.Add(Snippet.Of($"line {i + 1}", $"{path}:{i + 1}", lines[(i + 1)..end]));
                i = end;
            }
        }

        return blocks;
    }

    private static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');

    [GeneratedRegex(@"^\s*//\s*<readme:([A-Za-z0-9_-]+)>\s*$")]
    private static partial Regex OpenMarker();

    [GeneratedRegex(@"^\s*//\s*</readme:([A-Za-z0-9_-]+)>\s*$")]
    private static partial Regex CloseMarker();

    [GeneratedRegex(@"^\s*```\s*(csharp|cs|c#)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex FenceOpen();
}
