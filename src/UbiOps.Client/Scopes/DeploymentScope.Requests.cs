namespace UbiOps.Client;

// Operations on one request: create a direct request, read, cancel and delete one.
public partial class DeploymentScope
{
    /// <summary>
    /// Creates a direct request and waits for its result, with the server's default timeout
    /// (<see cref="RequestLimits.DefaultDirectTimeout"/>). A request that fails in the deployment
    /// still answers, with status <see cref="RequestStatus.Failed"/> and an error message.
    /// </summary>
    /// <param name="input">The input: plain text or structured fields.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished request.</returns>
    /// <exception cref="ArgumentNullException">The input is <see langword="null"/>.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, CancellationToken cancellationToken = default) =>
        CreateAsync(input, timeout: null, cancellationToken);

    /// <summary>
    /// Creates a direct request and waits for its result: the answer holds the status, and the
    /// result or error message. A request that fails in the deployment still answers, with status
    /// <see cref="RequestStatus.Failed"/>.
    /// </summary>
    /// <param name="input">The input: plain text or structured fields.</param>
    /// <param name="timeout">
    /// How long the deployment may take: whole seconds from <see cref="RequestLimits.MinTimeout"/>
    /// to <see cref="RequestLimits.MaxDirectTimeout"/>; <see langword="null"/> for the server's default.
    /// </param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished request.</returns>
    /// <exception cref="ArgumentException">The input is <see langword="null"/> or the timeout is out of range.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seconds = Guard.TimeoutSeconds(timeout, RequestLimits.MaxDirectTimeout, nameof(timeout));
        return _route.CreateAsync(input, seconds, cancellationToken);
    }

    /// <summary>Reads one request, with its input and result.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 for an unknown id).</exception>
    public virtual Task<DeploymentRequestSingleDetail> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.GetAsync(requestId, metadataOnly: null, cancellationToken);
    }

    /// <summary>
    /// Reads one request without its input and result (<c>metadata_only</c>): status, times, sizes
    /// and origin, for a request whose data is large.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request; its <c>RequestData</c> and <c>Result</c> are <see langword="null"/>.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error (404 for an unknown id).</exception>
    public virtual Task<DeploymentRequestSingleDetail> GetMetadataAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.GetAsync(requestId, metadataOnly: true, cancellationToken);
    }

    /// <summary>
    /// Cancels a request. A request that is processing goes to <see cref="RequestStatus.CancelledPending"/> first.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request after the update.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<DeploymentRequestUpdateResponse> CancelAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.CancelAsync(requestId, cancellationToken);
    }

    /// <summary>Deletes one request.</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task that completes when the request is deleted.</returns>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task DeleteAsync(string requestId, CancellationToken cancellationToken = default)
    {
        Guard.RequestId(requestId, nameof(requestId));
        return _route.DeleteAsync(requestId, cancellationToken);
    }
}
