namespace UbiOps.Client;

/// <summary>
/// Guards the names put into request paths. The generated code escapes each name, but "." and
/// ".." need no escaping and System.Uri then removes them as dot segments: project ".." would
/// silently address <c>/v2.1/deployments/…</c>. No UbiOps name can be "." or "..", so reject them.
/// </summary>
internal static class PathSegments
{
    /// <summary>Throws when a path segment after <paramref name="baseUrl"/> is "." or "..".</summary>
    /// <param name="url">The request URL the generated code built, as it built it.</param>
    /// <param name="baseUrl">The client's base URL, a prefix of <paramref name="url"/>.</param>
    /// <param name="endpoint">The operation whose path template names each segment.</param>
    /// <exception cref="ArgumentException">A name is "." or "..".</exception>
    public static void ThrowIfDotSegment(string url, string baseUrl, ApiEndpoint endpoint)
    {
        var path = url.StartsWith(baseUrl, StringComparison.Ordinal) ? url[baseUrl.Length..] : url;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var segments = (query < 0 ? path : path[..query]).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var template = endpoint.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i] is "." or "..")
            {
                // The template's segment at the same place names the parameter the value came from.
                var parameter = i < template.Length && template[i].StartsWith('{') ? template[i].Trim('{', '}') : "name";
                throw new ArgumentException(
                    $"The {parameter.Replace('_', ' ')} must not be '{segments[i]}': it would be removed from the request path.",
                    parameter);
            }
        }
    }
}
