namespace UbiOps.Client;

/// <summary>
/// Recognizes the SDK's routes, <c>projects/{p}/deployments/{d}[/versions/{v}]/requests[/…]</c>
/// under any base path, from a call's method and URL.
/// </summary>
internal static class RequestClassifier
{
    // Every handler of the pipeline asks (the gate, the timeouts, the retry rule, telemetry) on
    // every attempt: the answer is kept on the request, whose method and URL do not change.
    private static readonly HttpRequestOptionsKey<ApiOperation> OperationKey = new("UbiOps.Operation");

    /// <summary>The kind of a call; <see cref="ApiOperation.Other"/> when there is no request to look at.</summary>
    public static ApiOperation Classify(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return ApiOperation.Other;
        }

        if (!request.Options.TryGetValue(OperationKey, out var operation))
        {
            operation = Classify(request.Method, request.RequestUri);
            request.Options.Set(OperationKey, operation);
        }

        return operation;
    }

    public static ApiOperation Classify(HttpMethod method, Uri? uri)
    {
        var tail = uri is null ? null : RequestsTail(PathOf(uri));
        if (tail is null)
        {
            return method == HttpMethod.Get || method == HttpMethod.Head ? ApiOperation.Get : ApiOperation.Other;
        }

        return (method.Method, tail) switch
        {
            ("POST", "") => ApiOperation.DirectCreate,
            ("GET", "") => ApiOperation.List,
            ("POST", "batch") => ApiOperation.BatchCreate,
            ("POST", "collect") => ApiOperation.Collect,
            ("POST", "delete") => ApiOperation.BatchDelete,
            ("GET", _) when tail.Length > 0 => ApiOperation.Get,
            ("PATCH", _) when tail.Length > 0 => ApiOperation.Cancel,
            ("DELETE", _) when tail.Length > 0 => ApiOperation.Delete,
            _ => ApiOperation.Other,
        };
    }

    /// <summary>The path of a URL without its query, for logs and traces.</summary>
    public static string PathOf(Uri uri) =>
        uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];

    /// <summary>
    /// What follows <c>requests</c> in a requests route: empty for the collection itself, one
    /// segment (<c>batch</c>, <c>collect</c>, <c>delete</c> or an id); <see langword="null"/> when
    /// the path is not a requests route.
    /// </summary>
    private static string? RequestsTail(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 4 < segments.Length; i++)
        {
            if (segments[i] != "projects" || segments[i + 2] != "deployments")
            {
                continue;
            }

            var next = i + 4;
            if (next + 1 < segments.Length && segments[next] == "versions")
            {
                next += 2;
            }

            if (next < segments.Length && segments[next] == "requests")
            {
                var rest = segments.Length - next - 1;
                return rest switch
                {
                    0 => string.Empty,
                    1 => segments[next + 1],
                    _ => null,
                };
            }
        }

        return null;
    }
}
