using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Maps the 16 operations: each of the eight behaviours once under
/// <c>/deployments/{deployment}/requests</c> (default version) and once under
/// <c>/deployments/{deployment}/versions/{version}/requests</c>, with the same handler.
/// </summary>
internal static class RequestEndpoints
{
    public static void Map(WebApplication app)
    {
        var handlers = app.Services.GetRequiredService<RequestHandlers>();
        var deployment = app.MapGroup(ApiPaths.Prefix + "/projects/{project}/deployments/{deployment}");
        MapOperations(deployment.MapGroup("/requests"), handlers, "deployment");
        MapOperations(deployment.MapGroup("/versions/{version}/requests"), handlers, "deployment_version");
    }

    private static void MapOperations(RouteGroupBuilder requests, RequestHandlers h, string prefix)
    {
        var batchCreate = prefix == "deployment" ? "batch_deployment_requests_create" : "batch_deployment_version_requests_create";
        requests.MapPost("", Handle(h.CreateDirectAsync)).WithName($"{prefix}_requests_create").WithMetadata(Is(ApiOperation.DirectCreate));
        requests.MapGet("", Handle(h.ListAsync)).WithName($"{prefix}_requests_list").WithMetadata(Is(ApiOperation.List));
        requests.MapPost("/batch", Handle(h.CreateBatchAsync)).WithName(batchCreate).WithMetadata(Is(ApiOperation.BatchCreate));
        requests.MapPost("/collect", Handle(h.CollectAsync)).WithName($"{prefix}_requests_batch_get").WithMetadata(Is(ApiOperation.Collect));
        requests.MapPost("/delete", Handle(h.DeleteBatchAsync)).WithName($"{prefix}_requests_batch_delete").WithMetadata(Is(ApiOperation.BatchDelete));
        requests.MapGet("/{request_id}", Handle(h.GetAsync)).WithName($"{prefix}_requests_get").WithMetadata(Is(ApiOperation.Get));
        requests.MapPatch("/{request_id}", Handle(h.UpdateAsync)).WithName($"{prefix}_requests_update").WithMetadata(Is(ApiOperation.Cancel));
        requests.MapDelete("/{request_id}", Handle(h.DeleteAsync)).WithName($"{prefix}_requests_delete").WithMetadata(Is(ApiOperation.Delete));
    }

    private static OperationMetadata Is(ApiOperation operation) => new(operation);

    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);
}
