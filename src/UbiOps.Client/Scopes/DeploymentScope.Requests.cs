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
    /// <remarks>
    /// A call whose answer is lost (a 5xx, a timeout, a dropped connection) is never simply sent
    /// again: the request is looked up on the server first (after <see cref="UbiOpsResilienceOptions.ReconcileDelay"/>),
    /// its result waited for if it was made, and the input sent again only if it
    /// provably was not.
    /// </remarks>
    /// <exception cref="ArgumentException">The input is <see langword="null"/> or the timeout is out of range.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    /// <exception cref="AmbiguousRequestException">The answer was lost and the server's records cannot tell whether the request was made.</exception>
    public virtual Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var seconds = Guard.TimeoutSeconds(timeout, RequestLimits.MaxDirectTimeout, nameof(timeout));
        return CreateDirectAsync(input, seconds, priority: null, cancellationToken);
    }

    /// <summary>
    /// Creates a direct request with a timeout and a priority, and waits for its result; see
    /// <see cref="CreateAsync(RequestInput, TimeSpan?, CancellationToken)"/>.
    /// </summary>
    /// <param name="input">The input: plain text or structured fields.</param>
    /// <param name="options">Timeout and priority; <see langword="null"/> for the server's defaults.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The finished request.</returns>
    /// <exception cref="ArgumentException">The input is <see langword="null"/> or an option is out of range.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    /// <exception cref="AmbiguousRequestException">The answer was lost and the server's records cannot tell whether the request was made.</exception>
    public virtual Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, DirectRequestOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new DirectRequestOptions();
        var seconds = options.TimeoutSeconds();
        return CreateDirectAsync(input, seconds, options.Priority, cancellationToken);
    }

    private async Task<DeploymentRequestCreateResponse> CreateDirectAsync(RequestInput input, int? seconds, RequestPriority? priority, CancellationToken ct)
    {
        var reconciler = new CreateReconciler(_route, Client.Server, new ReconcileSettings(Client.ReconcileDelay, TimeProvider.System));
        var attempt = await reconciler.SendAsync([input], () => _route.CreateAsync(input, seconds, priority, ct), _ => false, ct).ConfigureAwait(false);
        return attempt switch
        {
            { Answer: { } answer } => answer,
            { LookupFailure: { } lookup } => throw new AmbiguousRequestException([], new AggregateException(attempt.Lost!, lookup)),
            { Found: Reconciliation.Created created } => await FinishedDirectAsync(created.Requests[0], seconds, ct).ConfigureAwait(false),
            { Found: Reconciliation.Undecided undecided } => throw new AmbiguousRequestException(undecided.Candidates[0], attempt.Lost!),
            _ => throw new InvalidOperationException("A lost answer's look-up came to nothing."),
        };
    }

    /// <summary>The direct request the server made although its answer was lost, once it has finished.</summary>
    private async Task<DeploymentRequestCreateResponse> FinishedDirectAsync(DeploymentRequestBatchDetail found, int? seconds, CancellationToken ct)
    {
        var detail = found;
        if (!detail.Status.IsTerminal)
        {
            var wait = new WaitOptions { Timeout = TimeSpan.FromSeconds((seconds ?? RequestLimits.DefaultDirectTimeout.TotalSeconds) + 60) };
            await foreach (var finished in WaitAsync([found.Id], wait, ct).ConfigureAwait(false))
            {
                detail = finished;
            }
        }

        return new DeploymentRequestCreateResponse
        {
            Id = detail.Id,
            Deployment = detail.Deployment,
            Version = detail.Version,
            Status = detail.Status,
#pragma warning disable CS0618 // Success is deprecated by the API, but the answer carries it.
            Success = detail.Success,
#pragma warning restore CS0618
            Result = detail.Result,
            ErrorMessage = detail.ErrorMessage,
            Timeout = seconds,
        };
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
