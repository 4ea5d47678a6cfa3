namespace UbiOps.Client;

/// <summary>
/// How long one attempt and one whole call may take, by the operation's timeout rule
/// (<see cref="ApiTimeoutRule"/>). A direct create waits for the model, so its attempt lasts its own
/// <c>timeout</c> plus a margin, rather than a generic HTTP timeout.
/// </summary>
internal static class RequestTimeouts
{
    /// <summary>How long one attempt of the call may take.</summary>
    public static TimeSpan Attempt(HttpRequestMessage? request, UbiOpsResilienceOptions options) =>
        Attempt(ApiCall.Of(request), options);

    /// <summary>
    /// How long the whole call may take: <see cref="UbiOpsResilienceOptions.TotalTimeout"/>, plus
    /// the attempt's own timeout for creates (whose one full attempt is not retried).
    /// </summary>
    public static TimeSpan Total(HttpRequestMessage? request, UbiOpsResilienceOptions options)
    {
        var call = ApiCall.Of(request);
        return call?.Info.Kind == ApiOperationKind.Create
            ? options.TotalTimeout + Attempt(call, options)
            : options.TotalTimeout;
    }

    private static TimeSpan Attempt(ApiCall? call, UbiOpsResilienceOptions options) => call?.Info.Timeout switch
    {
        ApiTimeoutRule.DirectRequest => DirectRequestTimeout(call.Value.RequestTimeout) + options.DirectRequestTimeoutMargin,
        ApiTimeoutRule.BatchCreate => options.BatchCreateTimeout,
        _ => options.AttemptTimeout,
    };

    /// <summary>
    /// A direct request's own timeout, clamped to what the server accepts; the server's default
    /// when the call asks for none.
    /// </summary>
    public static TimeSpan DirectRequestTimeout(TimeSpan? requested) => requested switch
    {
        null => RequestLimits.DefaultDirectTimeout,
        { } value when value > RequestLimits.MaxDirectTimeout => RequestLimits.MaxDirectTimeout,
        { } value when value < TimeSpan.FromSeconds(1) => TimeSpan.FromSeconds(1),
        { } value => value,
    };
}
