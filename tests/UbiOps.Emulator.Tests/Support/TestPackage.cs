namespace UbiOps.Emulator.Tests.Support;

/// <summary>A UbiOps deployment package written to a temporary directory for one test fixture.</summary>
internal sealed class TestPackage : IDisposable
{
    private TestPackage(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>Writes <c>deployment.py</c> and any other files (relative path → content).</summary>
    public static TestPackage Create(string deploymentPy, params (string Path, string Content)[] files)
    {
        var directory = Path.Combine(Path.GetTempPath(), "ubiops-package-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "deployment.py"), deploymentPy);
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(directory, path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return new TestPackage(directory);
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A worker may still be exiting; a temporary folder left behind is harmless.
        }
    }
}
