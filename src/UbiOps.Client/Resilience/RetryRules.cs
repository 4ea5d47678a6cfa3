using System.Net;
using System.Net.Sockets;
using Polly.Timeout;

namespace UbiOps.Client;

/// <summary>
/// Which outcomes of a call may be retried, given whether the call is safe to repeat
/// (<see cref="ApiOperationInfo.IsSafeToRepeat"/>), how often this call has failed already, and
/// what the server has answered lately (<see cref="ServerHeartbeat"/>).
/// </summary>
/// <remarks>
/// A 429 says "wait", not "fail": it is retried after the wait the server asks for and never
/// counts against <see cref="UbiOpsResilienceOptions.MaxRetryAttempts"/> (the call's total timeout
/// bounds it). Other transient failures count: a call is retried up to
/// <see cref="UbiOpsResilienceOptions.MaxRetryAttempts"/> times, and up to
/// <see cref="UbiOpsResilienceOptions.MaxRetryAttemptsWhileServing"/> while the server serves other
/// calls (one unlucky call on a working server). A call that timed out or could not connect is not
/// retried once the server has answered nothing, to any call, for twice the attempt's timeout: a
/// server that accepts connections and never answers ends the call instead of holding it.
/// </remarks>
internal static class RetryRules
{
    /// <summary>What one outcome means for the call.</summary>
    internal enum Verdict
    {
        /// <summary>Give the outcome to the caller.</summary>
        Stop,

        /// <summary>Retry; the outcome is a failure and counts.</summary>
        RetryCounted,

        /// <summary>Retry; the outcome asks to wait (429) and does not count.</summary>
        RetryFree,
    }

    /// <summary>
    /// Whether to retry after this outcome. Exactly one of <paramref name="response"/> and
    /// <paramref name="exception"/> is set; <paramref name="failures"/> is how many counted failures
    /// the call had before this one.
    /// </summary>
    public static Verdict Judge(
        bool safeToRepeat, HttpResponseMessage? response, Exception? exception, int failures, TimeSpan attemptTimeout,
        ServerHeartbeat heartbeat, UbiOpsResilienceOptions options, TimeProvider timeProvider)
    {
        if (response is not null)
        {
            heartbeat.Answered(response);
            return Judge(safeToRepeat, response, failures, attemptTimeout, heartbeat, options, timeProvider);
        }

        if (exception is null)
        {
            return Verdict.Stop;
        }

        // No answer at all (a timeout, a connection refused, reset or dropped): the server may be silent.
        var unanswered = IsTransient(exception);
        if (unanswered)
        {
            heartbeat.Unanswered(exception is TimeoutRejectedException ? attemptTimeout : TimeSpan.Zero);
        }

        var retryable = safeToRepeat ? unanswered : WasNotSent(exception);
        if (!retryable || (unanswered && heartbeat.Silence >= attemptTimeout * 2))
        {
            return Verdict.Stop;
        }

        return Counted(failures, attemptTimeout, heartbeat, options);
    }

    private static Verdict Judge(bool safeToRepeat, HttpResponseMessage response, int failures, TimeSpan attemptTimeout,
        ServerHeartbeat heartbeat, UbiOpsResilienceOptions options, TimeProvider timeProvider)
    {
        var status = response.StatusCode;
        var retryable = status == HttpStatusCode.TooManyRequests ||
            (safeToRepeat && (status == HttpStatusCode.RequestTimeout || (int)status >= 500));

        // A server asking for a longer pause than we are willing to make gets its answer back.
        if (!retryable || ServerRequestedDelay.From(response, timeProvider) is { } wait && wait > options.MaxRetryDelay)
        {
            return Verdict.Stop;
        }

        return status == HttpStatusCode.TooManyRequests ? Verdict.RetryFree : Counted(failures, attemptTimeout, heartbeat, options);
    }

    private static Verdict Counted(int failures, TimeSpan attemptTimeout, ServerHeartbeat heartbeat, UbiOpsResilienceOptions options)
    {
        if (failures < options.MaxRetryAttempts)
        {
            return Verdict.RetryCounted;
        }

        // Beyond the budget only while the server is serving other calls: this call was unlucky.
        return failures < options.MaxRetryAttemptsWhileServing && heartbeat.ServedWithin(attemptTimeout)
            ? Verdict.RetryCounted
            : Verdict.Stop;
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
