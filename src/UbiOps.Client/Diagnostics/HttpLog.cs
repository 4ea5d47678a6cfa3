using Microsoft.Extensions.Logging;

namespace UbiOps.Client;

/// <summary>
/// The client's log messages. They name the method and the path only (no query, no headers), so
/// no token can reach a log.
/// </summary>
internal static partial class HttpLog
{
    [LoggerMessage(EventId = 1, EventName = "Sending", Level = LogLevel.Trace,
        Message = "Sending {Method} {Path} ({Operation}, attempt {Attempt})")]
    public static partial void Sending(ILogger logger, string method, string path, string operation, int attempt);

    [LoggerMessage(EventId = 2, EventName = "Answered",
        Message = "{Method} {Path} answered {StatusCode} in {ElapsedMilliseconds:0.0} ms ({Operation}, attempt {Attempt})")]
    public static partial void Answered(ILogger logger, LogLevel level, string method, string path, int statusCode, double elapsedMilliseconds, string operation, int attempt);

    [LoggerMessage(EventId = 3, EventName = "Failed", Level = LogLevel.Warning,
        Message = "{Method} {Path} failed after {ElapsedMilliseconds:0.0} ms with {ErrorType} ({Operation}, attempt {Attempt})")]
    public static partial void Failed(ILogger logger, Exception exception, string method, string path, double elapsedMilliseconds, string errorType, string operation, int attempt);

    [LoggerMessage(EventId = 4, EventName = "Cancelled", Level = LogLevel.Debug,
        Message = "{Method} {Path} was cancelled after {ElapsedMilliseconds:0.0} ms ({Operation}, attempt {Attempt})")]
    public static partial void Cancelled(ILogger logger, string method, string path, double elapsedMilliseconds, string operation, int attempt);

    [LoggerMessage(EventId = 5, EventName = "ResponseHeaders", Level = LogLevel.Trace,
        Message = "{Method} {Path} answer headers (allow-listed): {Headers} (attempt {Attempt})")]
    public static partial void ResponseHeaders(ILogger logger, string method, string path, string headers, int attempt);
}
