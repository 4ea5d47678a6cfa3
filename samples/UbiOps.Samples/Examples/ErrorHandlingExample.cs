using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>The two kinds of failure: the API refuses a call, or the deployment fails a request.</summary>
public static class ErrorHandlingExample
{
    /// <summary>
    /// Calls a deployment that does not exist (the API answers 404), then sends a request to
    /// <c>fail</c> (the call succeeds; the request has status <c>failed</c>).
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The API error's status code and text, and the failed request's status and error message.</returns>
    public static async Task<ErrorHandlingResults> RunAsync(UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:error-handling>
        int statusCode = 0;
        string? error = null;
        try
        {
            await client.Deployment(project, "no-such-deployment").CreateAsync(RequestInput.FromObject(new { x = 1 }), cancellationToken);
        }
        catch (UbiOpsApiException e)
        {
            statusCode = e.StatusCode; // 404: unknown project, deployment, version or request
            error = e.Error;           // the server's explanation; e.Response holds the raw body
        }

        // A request that fails inside the deployment is not an exception: it is an answer.
        var failed = await client.Deployment(project, "fail").CreateAsync(RequestInput.FromObject(new { x = 1 }), cancellationToken);
        // failed.Status == RequestStatus.Failed; failed.ErrorMessage says why
        // </readme:error-handling>

        return new ErrorHandlingResults(statusCode, error, failed.Status, failed.ErrorMessage);
    }
}

/// <summary>What <see cref="ErrorHandlingExample.RunAsync"/> saw.</summary>
/// <param name="StatusCode">The HTTP status code of the refused call.</param>
/// <param name="Error">The server's error text for it.</param>
/// <param name="FailedStatus">The status of the request sent to <c>fail</c>.</param>
/// <param name="FailedMessage">Its error message.</param>
public sealed record ErrorHandlingResults(int StatusCode, string? Error, RequestStatus FailedStatus, string? FailedMessage);
