namespace UbiOps.Emulator.Tests.Support;

/// <summary>
/// The tests that run deployment packages need python3. Without it they are skipped with the
/// reason (the README's test command needs only the .NET SDK); CI sets <c>UBIOPS_REQUIRE_PYTHON=1</c>,
/// which turns the skip into a failure.
/// </summary>
internal static class Python
{
    private const string RequireVariable = "UBIOPS_REQUIRE_PYTHON";

    /// <summary>Skips (or, when required, fails) the calling test or fixture when python3 is not on PATH.</summary>
    public static void Require()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, "python3")));
        if (found)
        {
            return;
        }

        const string missing = "python3 was not found on PATH; install Python 3 (CI has it).";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            Assert.Fail($"{RequireVariable}=1 requires the deployment package tests to run, but {missing}");
        }

        Assert.Ignore($"Python package test skipped: {missing}");
    }
}
