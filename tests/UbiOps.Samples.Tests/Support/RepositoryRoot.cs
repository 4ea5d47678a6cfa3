namespace UbiOps.Samples.Tests.Support;

/// <summary>The repository checkout the tests run from.</summary>
internal static class RepositoryRoot
{
    private const string SolutionFile = "UbiOps.Generated.sln";

    /// <summary>The folder that holds the solution, found by walking up from the test's folder.</summary>
    public static DirectoryInfo Find()
    {
        for (var folder = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder;
            }
        }

        throw new DirectoryNotFoundException($"No folder above {TestContext.CurrentContext.TestDirectory} holds {SolutionFile}.");
    }
}
