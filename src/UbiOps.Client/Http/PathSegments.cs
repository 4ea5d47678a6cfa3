namespace UbiOps.Client;

/// <summary>
/// Guards the names put into request paths. The generated code escapes each name, but "." and
/// ".." need no escaping and System.Uri then removes them as dot segments: project ".." would
/// silently address <c>/v2.1/deployments/…</c>. No UbiOps name can be "." or "..", so reject them.
/// </summary>
internal static class PathSegments
{
    // The literal segment before a name tells which parameter the name came from.
    private static readonly Dictionary<string, string> ParameterAfter = new(StringComparer.Ordinal)
    {
        ["projects"] = "project_name",
        ["deployments"] = "deployment_name",
        ["versions"] = "version",
        ["requests"] = "request_id",
    };

    /// <summary>Throws when a path segment after <paramref name="baseUrl"/> is "." or "..".</summary>
    /// <param name="url">The request URL the generated code built.</param>
    /// <param name="baseUrl">The client's base URL, a prefix of <paramref name="url"/>.</param>
    /// <exception cref="ArgumentException">A name is "." or "..".</exception>
    public static void ThrowIfDotSegment(string url, string baseUrl)
    {
        var path = url.StartsWith(baseUrl, StringComparison.Ordinal) ? url[baseUrl.Length..] : url;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is "." or "..")
            {
                var parameter = i > 0 && ParameterAfter.TryGetValue(segments[i - 1], out var name) ? name : "name";
                throw new ArgumentException(
                    $"The {parameter.Replace('_', ' ')} must not be '{segments[i]}': it would be removed from the request path.",
                    parameter);
            }
        }
    }
}
