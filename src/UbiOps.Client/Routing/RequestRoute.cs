namespace UbiOps.Client;

/// <summary>
/// The one place that chooses between a deployment's default-version operation and the explicit
/// version's operation: every behaviour above it is written once for both.
/// </summary>
internal sealed class RequestRoute(DeploymentRequestsClient raw, string project, string deployment, string? version)
{
    public Task<DeploymentRequestCreateResponse> CreateAsync(RequestInput input, int? timeout, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_createAsync(input, project, deployment, timeout, ct)
            : raw.Deployment_version_requests_createAsync(input, project, deployment, version, timeout, ct);

    public Task<ICollection<DeploymentRequestBatchCreateResponse>> CreateBatchAsync(
        IReadOnlyList<RequestInput> inputs, int? timeout, string? notificationGroup, CancellationToken ct) =>
        version is null
            ? raw.Batch_deployment_requests_createAsync(inputs, project, deployment, timeout, notificationGroup, ct)
            : raw.Batch_deployment_version_requests_createAsync(inputs, project, deployment, version, timeout, notificationGroup, ct);

    public Task<ICollection<DeploymentRequestBatchDetail>> CollectAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_batch_getAsync(ids, project, deployment, ct)
            : raw.Deployment_version_requests_batch_getAsync(ids, project, deployment, version, ct);

    public Task DeleteBatchAsync(IReadOnlyList<string> ids, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_batch_deleteAsync(ids, project, deployment, ct)
            : raw.Deployment_version_requests_batch_deleteAsync(ids, project, deployment, version, ct);

    public Task<DeploymentRequestSingleDetail> GetAsync(string id, bool? metadataOnly, CancellationToken ct) =>
        version is null
            ? raw.Deployment_requests_getAsync(project, deployment, id, metadataOnly, ct)
            : raw.Deployment_version_requests_getAsync(project, deployment, version, id, metadataOnly, ct);

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
#pragma warning disable CS0618 // Success is deprecated by the API but still sent when a caller sets it.
        var success = filter.Success;
#pragma warning restore CS0618
        var status = filter.Status;
        return version is null
            ? raw.Deployment_requests_listAsync(project, deployment, status, success, filter.Limit, filter.Offset,
                filter.Sort, filter.Pipeline, filter.RequestSchedule, filter.StartDate, filter.EndDate, filter.SearchId, ct)
            : raw.Deployment_version_requests_listAsync(project, deployment, version, status, success, filter.Limit, filter.Offset,
                filter.Sort, filter.Pipeline, filter.RequestSchedule, filter.StartDate, filter.EndDate, filter.SearchId, ct);
    }
}
