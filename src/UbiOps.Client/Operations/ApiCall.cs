namespace UbiOps.Client;

/// <summary>
/// What a call is, stamped on its request message (<see cref="HttpRequestMessage.Options"/>) when
/// the generated client builds it: the operation, and the request's own <c>timeout</c> where the
/// operation takes one. The pipeline's handlers (timeouts, retries, the rate-limit gate, telemetry)
/// read it here instead of parsing the URL they were given.
/// </summary>
/// <param name="Endpoint">The operation, for the default or an explicit version.</param>
/// <param name="RequestTimeout">The <c>timeout</c> the call asks the server for; <see langword="null"/> when it asks for none.</param>
internal readonly record struct ApiCall(ApiEndpoint Endpoint, TimeSpan? RequestTimeout)
{
    private static readonly HttpRequestOptionsKey<ApiCall> Key = new("UbiOps.Call");

    /// <summary>The operation's row of the table.</summary>
    public ApiOperationInfo Info => Endpoint.Info;

    /// <summary>Stamps the call on its request message.</summary>
    public static void Stamp(HttpRequestMessage request, ApiEndpoint endpoint, int? timeoutSeconds) =>
        request.Options.Set(Key, new ApiCall(endpoint, timeoutSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null));

    /// <summary>
    /// The call a request message is: its stamp; for a message the client did not build, the
    /// table's operation its method and path match (without a request timeout); <see langword="null"/>
    /// when it is none of the API's operations.
    /// </summary>
    public static ApiCall? Of(HttpRequestMessage? request)
    {
        if (request is null)
        {
            return null;
        }

        if (request.Options.TryGetValue(Key, out var call))
        {
            return call;
        }

        return request.RequestUri is { } uri && ApiRoutes.Match(request.Method.Method, PathOf(uri)) is { } endpoint
            ? new ApiCall(endpoint, RequestTimeout: null)
            : null;
    }

    /// <summary>The operation of a request message; <see cref="ApiOperation.Other"/> when it is none of the API's.</summary>
    public static ApiOperation OperationOf(HttpRequestMessage? request) => Of(request)?.Info.Operation ?? ApiOperation.Other;

    /// <summary>
    /// Whether the call may be repeated although the server may have acted on it: by the table for
    /// the API's operations, and for any other call only when its method is a read.
    /// </summary>
    public static bool IsSafeToRepeat(HttpRequestMessage? request) =>
        Of(request) is { } call
            ? call.Info.IsSafeToRepeat
            : request is not null && (request.Method == HttpMethod.Get || request.Method == HttpMethod.Head);

    /// <summary>The name of a call's operation in logs, traces and metrics; <c>other</c> when it is none of the API's.</summary>
    public static string NameOf(HttpRequestMessage? request) => Of(request)?.Info.Name ?? "other";

    /// <summary>The path of a URL without its query, for logs and traces.</summary>
    public static string PathOf(Uri uri) =>
        uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?', 2)[0];
}
