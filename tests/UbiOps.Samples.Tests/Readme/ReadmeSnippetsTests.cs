using UbiOps.Samples.Tests.Support;

namespace UbiOps.Samples.Tests.Readme;

// The README's C# is copied from regions of the sample project, which the other tests compile and
// run; these tests fail as soon as the two differ, so the README cannot show code that does not work.
public sealed class ReadmeSnippetsTests
{
    private DirectoryInfo _root = null!;
    private IReadOnlyList<Snippet> _regions = null!;
    private IReadOnlyList<Snippet> _blocks = null!;
    private readonly List<string> _markerProblems = [];

    [OneTimeSetUp]
    public void ReadSamplesAndReadme()
    {
        _root = RepositoryRoot.Find();
        var samples = Path.Combine(_root.FullName, "samples", "UbiOps.Samples");
        _regions = Directory.EnumerateFiles(samples, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(samples, f)))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => SnippetReader.Regions(Path.GetRelativePath(_root.FullName, f), File.ReadAllText(f), _markerProblems))
            .ToList();
        _blocks = SnippetReader.CSharpBlocks("README.md", File.ReadAllText(Path.Combine(_root.FullName, "README.md")));
    }

    [Test]
    public void Samples_ReadmeMarkers_AreWellFormedAndNamesUnique()
    {
        Assert.Multiple(() =>
        {
            Assert.That(_markerProblems, Is.Empty);
            Assert.That(_regions.Select(r => r.Name), Is.Unique);
            Assert.That(_regions.Where(r => r.Text.Length == 0).Select(r => r.Source), Is.Empty, "Regions without code.");
        });
    }

    [Test]
    public void Samples_ReadmeRegions_IncludeEveryExample()
    {
        // Guards the other tests against passing vacuously (no regions found, say after a move).
        Assert.That(_regions.Select(r => r.Name), Is.SupersetOf(new[]
        {
            "connect", "resilience", "direct-request", "explicit-version", "plain-input", "files-and-priority", "batch-and-wait",
            "run-many-inputs", "run-stream", "file-journal", "list-with-filters", "cancel", "error-handling", "dependency-injection",
            "dependency-injection-configuration", "emulator",
        }));
    }

    [Test]
    public void Readme_EveryRegionOfTheSamples_AppearsVerbatimInACSharpBlock()
    {
        var blockTexts = _blocks.Select(b => b.Text).ToHashSet(StringComparer.Ordinal);
        var missing = _regions.Where(r => !blockTexts.Contains(r.Text)).ToList();

        Assert.That(missing.Select(r => r.Name), Is.Empty,
            "README.md lacks (or has changed) these regions; paste each as a ```csharp block:\n\n" +
            string.Join("\n\n", missing.Select(r => $"<!-- {r.Name}, from {r.Source} -->\n```csharp\n{r.Text}\n```")));
    }

    [Test]
    public void Readme_EveryCSharpBlock_IsARegionOfTheSamples()
    {
        var regionTexts = _regions.Select(r => r.Text).ToHashSet(StringComparer.Ordinal);
        var strays = _blocks.Where(b => !regionTexts.Contains(b.Text)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(_blocks, Is.Not.Empty, "README.md has no ```csharp blocks.");
            Assert.That(strays.Select(b => b.Source), Is.Empty,
                "These ```csharp blocks of README.md are not (or no longer) a readme: region of samples/UbiOps.Samples; " +
                "write the code in a sample and mark it:\n\n" + string.Join("\n\n", strays.Select(b => $"{b.Source}:\n{b.Text}")));
        });
    }

    private static bool IsBuildOutput(string relativePath) =>
        relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0] is "bin" or "obj";
}
