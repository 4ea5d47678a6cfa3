namespace UbiOps.Emulator.Http;

/// <summary>Which paths are API calls (authenticated, rate limited, fault-injected) rather than docs.</summary>
internal static class ApiPaths
{
    public static bool IsApi(PathString path) => path.StartsWithSegments(ApiRoutes.BasePath, StringComparison.OrdinalIgnoreCase);
}
