namespace UbiOps.Client;

/// <summary>
/// The shape of the API's routes, the one home of it: the base path, and where a deployment's
/// (or an explicit version's) requests live. Each operation adds its own
/// <see cref="ApiOperationInfo.Path"/>.
/// </summary>
public static class ApiRoutes
{
    /// <summary>The path every operation is under: <c>/v2.1</c>.</summary>
    public const string BasePath = "/v2.1";

    /// <summary>
    /// The requests of a deployment's default version, <c>/projects/{project_name}/deployments/{deployment_name}/requests</c>,
    /// or of an explicit version, <c>…/deployments/{deployment_name}/versions/{version}/requests</c>.
    /// </summary>
    /// <param name="versioned">Whether the path addresses an explicit version.</param>
    /// <returns>The path template, relative to the base URL.</returns>
    public static string RequestsPath(bool versioned) =>
        versioned
            ? "/projects/{project_name}/deployments/{deployment_name}/versions/{version}/requests"
            : "/projects/{project_name}/deployments/{deployment_name}/requests";

    /// <summary>
    /// Which of the table's operations a call is, from its method and path (under any base path);
    /// <see langword="null"/> when it is none. For a proxy or a log that sees only URLs: the client
    /// itself stamps the operation on each call it makes.
    /// </summary>
    /// <param name="method">The call's HTTP method.</param>
    /// <param name="path">The call's path, without the query.</param>
    /// <returns>The operation for the default or an explicit version, or <see langword="null"/>.</returns>
    public static ApiEndpoint? Match(string method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        foreach (var endpoint in ApiOperations.Endpoints)
        {
            if (string.Equals(endpoint.Info.Method.Method, method, StringComparison.OrdinalIgnoreCase) && Matches(endpoint, segments))
            {
                return endpoint;
            }
        }

        return null;
    }

    // The template's segments, matched against the path's last segments (the base path may be anything).
    private static bool Matches(ApiEndpoint endpoint, string[] segments)
    {
        var template = endpoint.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = segments.Length - template.Length;
        if (start < 0)
        {
            return false;
        }

        for (var i = 0; i < template.Length; i++)
        {
            var isParameter = template[i].StartsWith('{');
            // A parameter is any one segment, but not a word the template spells at that place in
            // another operation (".../requests/batch" is a batch create, not request "batch").
            if (isParameter ? IsLiteralOfAnotherTemplate(segments[start + i], i, template.Length) : segments[start + i] != template[i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLiteralOfAnotherTemplate(string segment, int index, int length) =>
        ApiOperations.Endpoints.Any(e =>
        {
            var other = e.PathTemplate.Split('/', StringSplitOptions.RemoveEmptyEntries);
            return other.Length == length && !other[index].StartsWith('{') && other[index] == segment;
        });
}
