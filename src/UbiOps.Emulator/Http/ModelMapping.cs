using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Storage;
using RequestStatus = UbiOps.Emulator.Storage.RequestStatus;

namespace UbiOps.Emulator.Http;

// The spec marks `success` deprecated (so the generated property is [Obsolete]), but the API still sends it.
#pragma warning disable CS0612

/// <summary>Builds the generated API models from stored requests (the same classes the client reads).</summary>
internal static class ModelMapping
{
    public static DeploymentRequestCreateResponse ToCreateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status,
        Success = RequestStatus.Success(r.Status), Result = Json(r.Result), Error_message = r.ErrorMessage, Timeout = r.Timeout,
    };

    public static DeploymentRequestBatchCreateResponse ToBatchCreateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Time_created = Time(r.CreatedAt),
    };

    public static DeploymentRequestList ToListItem(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = RequestStatus.Success(r.Status),
        Time_created = Time(r.CreatedAt), Time_started = Time(r.StartedAt), Time_completed = Time(r.CompletedAt),
        Input_size = r.InputSize, Output_size = r.OutputSize,
    };

    public static DeploymentRequestBatchDetail ToBatchDetail(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = RequestStatus.Success(r.Status),
        Time_created = Time(r.CreatedAt), Time_started = Time(r.StartedAt), Time_completed = Time(r.CompletedAt),
        Request_data = Json(r.RequestData), Result = Json(r.Result), Error_message = r.ErrorMessage, Retries = r.Retries,
        Input_size = r.InputSize, Output_size = r.OutputSize,
    };

    public static DeploymentRequestSingleDetail ToSingleDetail(RequestRecord r, bool metadataOnly) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = RequestStatus.Success(r.Status),
        Time_created = Time(r.CreatedAt), Time_started = Time(r.StartedAt), Time_completed = Time(r.CompletedAt),
        Request_data = metadataOnly ? null : Json(r.RequestData), Result = metadataOnly ? null : Json(r.Result),
        Error_message = r.ErrorMessage, Notification_group = r.NotificationGroup,
        Origin = new DeploymentRequestOrigin { Deployment = r.Deployment, Deployment_version = r.Version, Created_by = r.CreatedBy },
        Retries = r.Retries, Input_size = r.InputSize, Output_size = r.OutputSize,
    };

    public static DeploymentRequestUpdateResponse ToUpdateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = RequestStatus.Success(r.Status),
        Time_created = Time(r.CreatedAt), Time_started = Time(r.StartedAt), Time_completed = Time(r.CompletedAt),
        Error_message = r.ErrorMessage, Retries = r.Retries, Timeout = r.Timeout,
        Request_data = Json(r.RequestData), Result = Json(r.Result), Notification_group = r.NotificationGroup,
    };

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static DateTimeOffset? Time(long? unixMilliseconds) => unixMilliseconds is { } ms ? Time(ms) : null;

    private static JToken? Json(string? text) => text is null ? null : StoredJson.Parse(text);
}
