using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace UbiOps.Client;

/// <summary>
/// Logs and traces every HTTP attempt: method, path, operation, status, duration and attempt
/// number. It sits inside the resilience handler, so each retry is its own log line and activity.
/// </summary>
internal sealed class TelemetryHandler : DelegatingHandler
{
    // Counts the attempts of one request message: the resilience handler sends the same message again.
    private static readonly HttpRequestOptionsKey<int> AttemptKey = new("UbiOps.Client.Attempt");

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    public TelemetryHandler(ILoggerFactory loggerFactory, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(loggerFactory);
        ArgumentNullException.ThrowIfNull(timeProvider);
        _logger = loggerFactory.CreateLogger(UbiOpsDiagnostics.LoggerCategory);
        _timeProvider = timeProvider;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = NextAttempt(request);
        var method = request.Method.Method;
        var path = request.RequestUri is null ? "/" : ApiCall.PathOf(request.RequestUri);
        var operation = ApiCall.NameOf(request);

        using var activity = StartActivity(request, method, path, operation, attempt);
        HttpLog.Sending(_logger, method, path, operation, attempt);
        var started = _timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            UbiOpsMetrics.RecordCall(operation, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                UbiOpsMetrics.Throttled.Add(1, new KeyValuePair<string, object?>("operation", operation));
            }

            HttpLog.Answered(_logger, LevelFor(response.StatusCode), method, path, status, ElapsedMs(started), operation, attempt);
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                HttpLog.ResponseHeaders(_logger, method, path, LoggedHeaders.Format(response), attempt);
            }

            if (activity is not null)
            {
                activity.SetTag("http.response.status_code", status);
                if (status >= 400)
                {
                    activity.SetTag("error.type", status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            }

            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            UbiOpsMetrics.RecordCall(operation, "cancelled");
            HttpLog.Cancelled(_logger, method, path, ElapsedMs(started), operation, attempt);
            activity?.SetTag("error.type", "cancelled");
            activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            throw;
        }
        catch (Exception e)
        {
            var errorType = e.GetType().Name;
            UbiOpsMetrics.RecordCall(operation, errorType);
            HttpLog.Failed(_logger, e, method, path, ElapsedMs(started), errorType, operation, attempt);
            activity?.SetTag("error.type", e.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, errorType);
            throw;
        }
    }

    private static int NextAttempt(HttpRequestMessage request)
    {
        var attempt = request.Options.TryGetValue(AttemptKey, out var previous) ? previous + 1 : 1;
        request.Options.Set(AttemptKey, attempt);
        return attempt;
    }

    private static Activity? StartActivity(HttpRequestMessage request, string method, string path, string operation, int attempt)
    {
        var activity = UbiOpsDiagnostics.ActivitySource.StartActivity($"{method} {operation}", ActivityKind.Client);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("http.request.method", method);
        activity.SetTag("url.path", path);
        activity.SetTag("ubiops.operation", operation);
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("server.address", uri.Host);
        }

        if (attempt > 1)
        {
            activity.SetTag("http.request.resend_count", attempt - 1);
        }

        return activity;
    }

    // Throttling and server errors deserve attention; other answers are routine.
    private static LogLevel LevelFor(HttpStatusCode status) => (int)status switch
    {
        429 or >= 500 => LogLevel.Warning,
        >= 400 => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    private double ElapsedMs(long started) => _timeProvider.GetElapsedTime(started).TotalMilliseconds;
}
