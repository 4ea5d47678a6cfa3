using System.Net;
using System.Net.Sockets;
using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Cli.Errors;

/// <summary>
/// Turns what stopped a command into one line on stderr and an exit code (never a stack trace).
/// </summary>
internal static class FailureReport
{
    // emulatorDatabase: the embedded emulator's database when it was the target, so a 404 can say
    // where the requests were looked for.
    public static int Write(Exception exception, TextWriter error, string? host, bool cancelled, string? emulatorDatabase = null)
    {
        var (code, message) = Classify(exception, host, cancelled, emulatorDatabase);
        error.WriteLine($"error: {message}");
        return code;
    }

    public static (int Code, string Message) Classify(Exception exception, string? host, bool cancelled, string? emulatorDatabase = null)
    {
        var where = host is null ? "the API" : host;
        switch (exception)
        {
            case OperationCanceledException when cancelled:
                return (ExitCodes.Cancelled, "cancelled.");
            case BatchOperationException batch when batch.InnerException is { } inner:
                var (code, message) = Classify(inner, host, cancelled, emulatorDatabase);
                return (code, $"{message} ({batch.CompletedIndices.Count} of {batch.CompletedIndices.Count + batch.NotCompletedIndices.Count} items were done before the failure)");
            case CliUsageException usage:
                return (ExitCodes.UsageError, usage.Message);
            case ArgumentException argument:
                return (ExitCodes.UsageError, WithoutParameterSuffix(argument));
            case UbiOpsApiException api:
                return ClassifyApi(api, where, emulatorDatabase);
            case HttpRequestException http when http.InnerException is SocketException or IOException || http.StatusCode is null:
                return (ExitCodes.Unreachable, $"cannot reach {where}: {Innermost(http).Message}");
            case TaskCanceledException or Polly.Timeout.TimeoutRejectedException:
                return (ExitCodes.Unreachable, $"{where} did not answer in time: {exception.Message}");
            case TimeoutException:
                return (ExitCodes.SomeInputsFailed, exception.Message);
            case DatabaseInUseException inUse:
                return (ExitCodes.ApiError,
                    $"the embedded emulator's database at {inUse.DatabasePath} is in use by another ubiops-requests command; " +
                    "wait for it to finish, or use --host and --token.");
            case IOException or UnauthorizedAccessException:
                return (ExitCodes.UsageError, exception.Message);
            default:
                return (ExitCodes.ApiError, $"{exception.GetType().Name}: {exception.Message}");
        }
    }

    private static (int, string) ClassifyApi(UbiOpsApiException api, string where, string? emulatorDatabase)
    {
        var detail = api.Error is { Length: > 0 } error ? $": {error}" : string.Empty;
        return (HttpStatusCode)api.StatusCode switch
        {
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => (ExitCodes.AuthenticationFailed,
                $"authentication failed at {where} ({api.StatusCode}{detail}); check --token or {UbiOpsClientOptions.TokenEnvironmentVariable}."),
            HttpStatusCode.NotFound when emulatorDatabase is not null => (ExitCodes.NotFound,
                $"not found ({api.StatusCode}{detail}); not in the embedded emulator's database at {emulatorDatabase}: requests made with " +
                "--host/--token live on that server. Check --deployment, --version and the request ids."),
            HttpStatusCode.NotFound => (ExitCodes.NotFound,
                $"not found ({api.StatusCode}{detail}); check --project, --deployment, --version and the request ids."),
            _ => (ExitCodes.ApiError, $"the API answered {api.StatusCode}{detail}"),
        };
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }

    // "… (Parameter 'x')" is for developers; the option names in the message are for users.
    private static string WithoutParameterSuffix(ArgumentException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }
}
