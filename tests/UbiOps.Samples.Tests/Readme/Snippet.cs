namespace UbiOps.Samples.Tests.Readme;

/// <summary>
/// A piece of C#: a <c>readme:</c> region of the samples or a <c>csharp</c> block of the README,
/// with the indentation its lines share removed, so the two compare line for line.
/// </summary>
internal sealed record Snippet(string Name, string Source, string Text)
{
    public static Snippet Of(string name, string source, IEnumerable<string> lines) => new(name, source, Normalize(lines));

    private static string Normalize(IEnumerable<string> lines)
    {
        var trimmed = lines.Select(l => l.TrimEnd()).ToList();
        while (trimmed.Count > 0 && trimmed[0].Length == 0)
        {
            trimmed.RemoveAt(0);
        }

        while (trimmed.Count > 0 && trimmed[^1].Length == 0)
        {
            trimmed.RemoveAt(trimmed.Count - 1);
        }

        var indent = trimmed.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", trimmed.Select(l => l.Length == 0 ? l : l[indent..]));
    }
}
