using System.Reflection;

namespace UbiOps.Client;

/// <summary>The <c>User-Agent</c> this client sends, in the form the official clients use.</summary>
internal static class UserAgent
{
    /// <summary>
    /// <c>UbiOps/dotnet/&lt;version&gt;</c>, where the version is this assembly's informational version.
    /// </summary>
    public static string Value { get; } = "UbiOps/dotnet/" + ClientVersion();

    private static string ClientVersion()
    {
        var informational = typeof(UserAgent).Assembly
            .GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        // SourceLink appends "+<commit>"; the product token keeps the version only.
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
