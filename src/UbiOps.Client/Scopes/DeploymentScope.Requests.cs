namespace UbiOps.Client;

// Operations on one request: create a direct request, read, cancel and delete one.
public partial class DeploymentScope
{
    /// <summary>
    /// Creates a direct request and waits for its result: the answer holds the status, and the
    /// result or error message. A request that fails in the deployment still answers, with status
    /// <c>failed</c>.
    /// </summary>
    /// <param name="input">The input: plain text or structured fields.</param>
    /// <param name="timeoutSeconds">The request's timeout, 10 to 3600 seconds; <see langword="null"/> for the server's 300.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The finished request.</returns>
    /// <exception cref="ArgumentException">The input is <see langword="null"/> or the timeout is out of range.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, int? timeoutSeconds = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Guard.Timeout(timeoutSeconds, BatchLimits.MaxDirectTimeoutSeconds, nameof(timeoutSeconds));
        return _route.CreateAsync(input, timeoutSeconds, ct);
    }

    /// <summary>Reads one request.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="metadataOnly">Leave out the input and the result.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 for an unknown id).</exception>
    public virtual Task<DeploymentRequestSingleDetail> GetAsync(string requestId, bool metadataOnly = false, CancellationToken ct = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.GetAsync(requestId, metadataOnly ? true : null, ct);
    }

    /// <summary>
    /// Cancels a request. A request that is processing goes to <c>cancelled_pending</c> first.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The request after the update.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<DeploymentRequestUpdateResponse> CancelAsync(string requestId, CancellationToken ct = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.CancelAsync(requestId, ct);
    }

    /// <summary>Deletes one request.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>A task that completes when the request is deleted.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task DeleteAsync(string requestId, CancellationToken ct = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.DeleteAsync(requestId, ct);
    }
}
