namespace UbiOps.Client.Tests.Support;

/// <summary>
/// Sets environment variables for the length of a test and restores them afterwards. Fixtures
/// that use it must be <c>[NonParallelizable]</c>: the environment is shared by the whole process.
/// </summary>
internal sealed class EnvironmentScope : IDisposable
{
    private readonly Dictionary<string, string?> _previous = [];

    public EnvironmentScope(params (string Name, string? Value)[] variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>Neither UBIOPS_API_TOKEN nor UBIOPS_API_HOST is set.</summary>
    public static EnvironmentScope Clean() =>
        new((UbiOpsClientOptions.TokenEnvironmentVariable, null), (UbiOpsClientOptions.HostEnvironmentVariable, null));

    public void Dispose()
    {
        foreach (var (name, value) in _previous)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
