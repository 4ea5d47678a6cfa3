using Newtonsoft.Json.Linq;
using UbiOps.Client;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Http;

// The spec marks `success` deprecated (so the generated property is [Obsolete]), but the API still sends it.
#pragma warning disable CS0618

/// <summary>
/// Builds the generated API models from stored requests (the same classes the client reads). The
/// fields a generation does not send are left out when the answer is written (see
/// <see cref="ExplicitNullsContractResolver"/>).
/// </summary>
internal static class ModelMapping
{
    public static DeploymentRequestCreateResponse ToCreateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status,
        Success = Success(r.Status), Result = Json(r.Result), ErrorMessage = r.ErrorMessage, Timeout = r.Timeout,
    };

    public static DeploymentRequestBatchCreateResponse ToBatchCreateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, TimeCreated = Time(r.CreatedAt),
    };

    public static DeploymentRequestList ToListItem(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = Success(r.Status),
        TimeCreated = Time(r.CreatedAt), TimeStarted = Time(r.StartedAt), TimeCompleted = Time(r.CompletedAt),
        InputSize = r.InputSize, OutputSize = r.OutputSize,
    };

    public static DeploymentRequestBatchDetail ToBatchDetail(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = Success(r.Status),
        TimeCreated = Time(r.CreatedAt), TimeStarted = Time(r.StartedAt), TimeCompleted = Time(r.CompletedAt),
        RequestData = Json(r.RequestData), Result = Json(r.Result), ErrorMessage = r.ErrorMessage, Retries = r.Retries,
        InputSize = r.InputSize, OutputSize = r.OutputSize,
    };

    public static DeploymentRequestSingleDetail ToSingleDetail(RequestRecord r, bool metadataOnly) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = Success(r.Status),
        TimeCreated = Time(r.CreatedAt), TimeStarted = Time(r.StartedAt), TimeCompleted = Time(r.CompletedAt),
        RequestData = metadataOnly ? null : Json(r.RequestData), Result = metadataOnly ? null : Json(r.Result),
        ErrorMessage = r.ErrorMessage, NotificationGroup = r.NotificationGroup,
        Origin = new DeploymentRequestOrigin { Deployment = r.Deployment, DeploymentVersion = r.Version, CreatedBy = r.CreatedBy },
        Retries = r.Retries, InputSize = r.InputSize, OutputSize = r.OutputSize,
    };

    public static DeploymentRequestUpdateResponse ToUpdateResponse(RequestRecord r) => new()
    {
        Id = r.Id, Deployment = r.Deployment, Version = r.Version, Status = r.Status, Success = Success(r.Status),
        TimeCreated = Time(r.CreatedAt), TimeStarted = Time(r.StartedAt), TimeCompleted = Time(r.CompletedAt),
        ErrorMessage = r.ErrorMessage, Retries = r.Retries, Timeout = r.Timeout,
        RequestData = Json(r.RequestData), Result = Json(r.Result), NotificationGroup = r.NotificationGroup,
    };

    private static DateTimeOffset Time(long unixMilliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds);

    private static DateTimeOffset? Time(long? unixMilliseconds) => unixMilliseconds is { } ms ? Time(ms) : null;

    // A deployment may return null (stored as the text "null"): answered as a null result, since a
    // payload is never a JSON null.
    private static RequestPayload? Json(string? text) =>
        text is not null && StoredJson.Parse(text) is { Type: not JTokenType.Null } json ? RequestPayload.FromJson(json) : null;

    /// <summary>The deprecated <c>success</c> field: known only once the request has finished.</summary>
    private static bool? Success(RequestStatus status) => status.IsTerminal ? status == RequestStatus.Completed : null;
}
