namespace UbiOps.Client;

/// <summary>
/// The table of the API's operations: the one home of what each is. The spec
/// (<c>openapi/ubiops-deployment-requests.yaml</c>) describes the same 22 operations; a test keeps
/// the two equal. The client's pipeline, the emulator's routes and the tests read this table.
/// </summary>
public static class ApiOperations
{
    private static readonly ApiGeneration[] Every = [ApiGeneration.July2024, ApiGeneration.December2025];
    private static readonly ApiGeneration[] SinceDecember2025 = [ApiGeneration.December2025];

    /// <summary>The operations, each for the default version and an explicit version.</summary>
    public static IReadOnlyList<ApiOperationInfo> All { get; } =
    [
        new(ApiOperation.DirectCreate, "direct-create", ApiOperationKind.Create, HttpMethod.Post, "",
            "deployment_requests_create", "deployment_version_requests_create", ApiTimeoutRule.DirectRequest, Every),
        new(ApiOperation.List, "list", ApiOperationKind.Read, HttpMethod.Get, "",
            "deployment_requests_list", "deployment_version_requests_list", ApiTimeoutRule.Call, Every),
        new(ApiOperation.BatchCreate, "batch-create", ApiOperationKind.Create, HttpMethod.Post, "/batch",
            "batch_deployment_requests_create", "batch_deployment_version_requests_create", ApiTimeoutRule.BatchCreate, Every),
        new(ApiOperation.Collect, "collect", ApiOperationKind.Read, HttpMethod.Post, "/collect",
            "deployment_requests_batch_get", "deployment_version_requests_batch_get", ApiTimeoutRule.Call, Every),
        new(ApiOperation.BatchDelete, "batch-delete", ApiOperationKind.Change, HttpMethod.Post, "/delete",
            "deployment_requests_batch_delete", "deployment_version_requests_batch_delete", ApiTimeoutRule.Call, Every),
        new(ApiOperation.BatchCancel, "batch-cancel", ApiOperationKind.Change, HttpMethod.Post, "/cancel",
            "deployment_requests_batch_cancel", "deployment_version_requests_batch_cancel", ApiTimeoutRule.Call, SinceDecember2025),
        new(ApiOperation.Get, "get", ApiOperationKind.Read, HttpMethod.Get, "/{request_id}",
            "deployment_requests_get", "deployment_version_requests_get", ApiTimeoutRule.Call, Every),
        new(ApiOperation.Cancel, "cancel", ApiOperationKind.Change, HttpMethod.Patch, "/{request_id}",
            "deployment_requests_update", "deployment_version_requests_update", ApiTimeoutRule.Call, Every),
        new(ApiOperation.Delete, "delete", ApiOperationKind.Change, HttpMethod.Delete, "/{request_id}",
            "deployment_requests_delete", "deployment_version_requests_delete", ApiTimeoutRule.Call, Every),
        new(ApiOperation.GetInput, "get-input", ApiOperationKind.Read, HttpMethod.Get, "/{request_id}/input",
            "deployment_requests_input_get", "deployment_version_requests_input_get", ApiTimeoutRule.Call, SinceDecember2025),
        new(ApiOperation.GetOutput, "get-output", ApiOperationKind.Read, HttpMethod.Get, "/{request_id}/output",
            "deployment_requests_output_get", "deployment_version_requests_output_get", ApiTimeoutRule.Call, SinceDecember2025),
    ];

    /// <summary>Every operation as the spec names it: each row for the default version, then for an explicit version.</summary>
    public static IReadOnlyList<ApiEndpoint> Endpoints { get; } = [.. All.Select(o => o.Default), .. All.Select(o => o.Version)];

    private static readonly Dictionary<string, ApiEndpoint> ByOperationId = Endpoints.ToDictionary(e => e.OperationId, StringComparer.Ordinal);

    /// <summary>The row of an operation.</summary>
    /// <param name="operation">The operation; not <see cref="ApiOperation.Other"/>.</param>
    /// <returns>Its row.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The operation is not in the table.</exception>
    public static ApiOperationInfo Get(ApiOperation operation) =>
        All.FirstOrDefault(o => o.Operation == operation)
        ?? throw new ArgumentOutOfRangeException(nameof(operation), operation, "Not one of the API's operations.");

    /// <summary>The operation the spec names <paramref name="operationId"/>.</summary>
    /// <param name="operationId">A spec operation id, e.g. <c>deployment_requests_create</c>.</param>
    /// <returns>The endpoint, or <see langword="null"/> when no operation has that id.</returns>
    public static ApiEndpoint? FindByOperationId(string operationId) =>
        ByOperationId.GetValueOrDefault(operationId);
}
