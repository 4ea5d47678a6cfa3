namespace UbiOps.Emulator.Packages;

/// <summary>Finds the Python interpreter, which is needed only when a deployment is a package.</summary>
internal static class PythonExecutable
{
    /// <summary>
    /// The full path of <see cref="EmulatorOptions.PythonExecutable"/> when a deployment of the
    /// catalog is a package, else null (no Python needed).
    /// </summary>
    /// <exception cref="FileNotFoundException">A package deployment is declared and the interpreter was not found.</exception>
    public static string? RequireFor(IEnumerable<EmulatorDeployment> deployments, string executable)
    {
        var packages = deployments.Where(d => d.PackageDirectory is not null).Select(d => $"'{d.Name}'").ToList();
        if (packages.Count == 0)
        {
            return null;
        }

        return Find(executable) ?? throw new FileNotFoundException(
            $"Deployment {string.Join(", ", packages)} is a Python deployment package, but {executable} was not found" +
            (executable.Contains('/', StringComparison.Ordinal) ? "." : " on PATH.") +
            " Install Python 3, or set the interpreter with EmulatorOptions.PythonExecutable.",
            executable);
    }

    private static string? Find(string executable)
    {
        if (executable.Contains('/', StringComparison.Ordinal) || Path.IsPathRooted(executable))
        {
            return File.Exists(executable) ? Path.GetFullPath(executable) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
    }
}
