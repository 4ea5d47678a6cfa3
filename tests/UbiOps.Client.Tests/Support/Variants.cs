namespace UbiOps.Client.Tests.Support;

/// <summary>Runs a test case against the default-version and the explicit-version operation.</summary>
internal static class Variants
{
    /// <summary>Two cases of <paramref name="args"/>, the first argument being "explicit version?".</summary>
    public static IEnumerable<TestCaseData> Both(string name, params object?[] args)
    {
        yield return new TestCaseData([false, .. args]).SetArgDisplayNames(["default", name]);
        yield return new TestCaseData([true, .. args]).SetArgDisplayNames(["version", name]);
    }
}
