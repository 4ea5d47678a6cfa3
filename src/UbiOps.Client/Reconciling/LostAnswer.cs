namespace UbiOps.Client;

/// <summary>Which failures of a create may hide requests the server made: the one home of that rule.</summary>
internal static class LostAnswer
{
    /// <summary>
    /// Whether the create that failed with <paramref name="failure"/> may have been carried out: a
    /// 5xx, a timeout or a dropped connection may come after the server stored the requests; a 4xx
    /// is a clear refusal, and the caller's own cancellation is the caller's choice.
    /// </summary>
    public static bool Is(Exception failure, CancellationToken callerToken) => failure switch
    {
        UbiOpsApiException api => api.StatusCode is < 400 or >= 500,
        OperationCanceledException => !callerToken.IsCancellationRequested,
        _ => failure is HttpRequestException or TimeoutException or IOException or Polly.Timeout.TimeoutRejectedException,
    };
}
