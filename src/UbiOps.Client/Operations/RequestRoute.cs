namespace UbiOps.Client;

/// <summary>
/// The one place that chooses between a deployment's default-version operation and the explicit
/// version's operation of the generated client: every behaviour above it is written once for both.
/// </summary>
internal sealed class RequestRoute(DeploymentRequestsClient raw, string project, string deployment, string? version)
{
    public Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, int? timeout, RequestPriority? priority, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_createAsync(input, project, deployment, timeout, priority, ct)
            : raw.Deployment_version_requests_createAsync(input, project, deployment, version, timeout, priority, ct);

    public Task<ICollection<DeploymentRequestBatchCreateResponse>> CreateBatchAsync(
        IReadOnlyList<RequestInput> inputs, int? timeout, RequestPriority? priority, string? notificationGroup, CancellationToken ct) =>
        version is null
            ? raw.Batch_deployment_requests_createAsync(inputs, project, deployment, timeout, priority, notificationGroup, ct)
            : raw.Batch_deployment_version_requests_createAsync(inputs, project, deployment, version, timeout, priority, notificationGroup, ct);

    public Task<ICollection<DeploymentRequestBatchDetail>> CollectAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_batch_getAsync(ids, project, deployment, ct)
            : raw.Deployment_version_requests_batch_getAsync(ids, project, deployment, version, ct);

    public Task DeleteBatchAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_batch_deleteAsync(ids, project, deployment, ct)
            : raw.Deployment_version_requests_batch_deleteAsync(ids, project, deployment, version, ct);

    /// <summary>Cancels the given requests (<paramref name="status"/> null), or every request with that status (no ids).</summary>
    public Task CancelBatchAsync(IReadOnlyList<string> ids, RequestStatus? status, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_batch_cancelAsync(project, deployment, status, ids, ct)
            : raw.Deployment_version_requests_batch_cancelAsync(project, deployment, version, status, ids, ct);

    public Task<DeploymentRequestSingleDetail> GetAsync(string id, bool? metadataOnly, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_getAsync(project, deployment, id, metadataOnly, ct)
            : raw.Deployment_version_requests_getAsync(project, deployment, version, id, metadataOnly, ct);

    public Task<FileResponse> GetInputAsync(string id, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_input_getAsync(project, deployment, id, ct)
            : raw.Deployment_version_requests_input_getAsync(project, deployment, version, id, ct);

    public Task<FileResponse> GetOutputAsync(string id, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_output_getAsync(project, deployment, id, ct)
            : raw.Deployment_version_requests_output_getAsync(project, deployment, version, id, ct);

    public Task<DeploymentRequestUpdateResponse> CancelAsync(string id, CancellationToken ct)
    {
        var update = new DeploymentRequestUpdate { Status = RequestStatus.Cancelled };
        return version is null
            ? raw.Deployment_requests_updateAsync(update, project, deployment, id, ct)
            : raw.Deployment_version_requests_updateAsync(update, project, deployment, version, id, ct);
    }

    public Task DeleteAsync(string id, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_deleteAsync(project, deployment, id, ct)
            : raw.Deployment_version_requests_deleteAsync(project, deployment, version, id, ct);

    public Task<ICollection<DeploymentRequestList>> ListAsync(RequestFilter filter, CancellationToken ct)
    {
        // Filters only the 2024-07 generation reads are still sent when a caller sets them.
#pragma warning disable CS0618
        var (success, sort, pipeline, schedule) = (filter.Success, filter.Sort, filter.Pipeline, filter.RequestSchedule);
#pragma warning restore CS0618
        return version is null
            ? raw.Deployment_requests_listAsync(project, deployment, filter.Status, success, filter.Limit, filter.Offset,
                sort, pipeline, schedule, filter.StartDate, filter.EndDate, filter.SearchId, ct)
            : raw.Deployment_version_requests_listAsync(project, deployment, version, filter.Status, success, filter.Limit, filter.Offset,
                sort, pipeline, schedule, filter.StartDate, filter.EndDate, filter.SearchId, ct);
    }
}
