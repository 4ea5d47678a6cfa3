using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace UbiOps.Client;

/// <summary>
/// Which outcomes of a call may be retried, given whether the call is safe to repeat
/// (<see cref="ApiOperationInfo.IsSafeToRepeat"/>).
/// </summary>
internal static class RetryRules
{
    /// <summary>
    /// Whether to retry after this outcome. Exactly one of <paramref name="response"/> and
    /// <paramref name="exception"/> is set.
    /// </summary>
    public static bool ShouldRetry(
        bool safeToRepeat, HttpResponseMessage? response, Exception? exception,
        UbiOpsResilienceOptions options, TimeProvider timeProvider)
    {
        if (response is not null)
        {
            return ShouldRetry(safeToRepeat, response, options, timeProvider);
        }

        return exception is not null && (safeToRepeat
            ? IsTransient(exception)
            : WasNotSent(exception));
    }

    private static bool ShouldRetry(bool safeToRepeat, HttpResponseMessage response, UbiOpsResilienceOptions options, TimeProvider timeProvider)
    {
        var status = response.StatusCode;
        var retryable = status == HttpStatusCode.TooManyRequests ||
            (safeToRepeat && (status == HttpStatusCode.RequestTimeout || (int)status >= 500));
        if (!retryable)
        {
            return false;
        }

        // A server asking for a longer pause than we are willing to make gets its answer back.
        return ServerRequestedDelay.From(response, timeProvider) is not { } wait || wait <= options.MaxRetryDelay;
    }

    /// <summary>Network errors and timeouts a read may be retried after.</summary>
    private static bool IsTransient(Exception exception) => exception switch
    {
        TimeoutRejectedException => true,
        HttpRequestException => true,
        IOException => true,
        SocketException => true,
        _ => false,
    };

    /// <summary>
    /// Failures where nothing reached the server: the connection could not be opened (refused,
    /// unreachable, unknown host). Anything later (a connection lost after sending, a timeout) is
    /// ambiguous: the server may have accepted the request.
    /// </summary>
    private static bool WasNotSent(Exception exception) => exception switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError } => true,
        HttpRequestException { InnerException: SocketException inner } => IsConnectFailure(inner),
        SocketException socket => IsConnectFailure(socket),
        _ => false,
    };

    private static bool IsConnectFailure(SocketException socket) => socket.SocketErrorCode is
        SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable;
}
