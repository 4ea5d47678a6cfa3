namespace UbiOps.Emulator.Http;

/// <summary>
/// Maps the operations of the table (<see cref="ApiOperations"/>) that the served generation of the
/// API serves, each under its default-version and its explicit-version path, with one handler.
/// Operations the generation does not serve have no route: they answer as an unknown path does.
/// </summary>
internal static class RequestEndpoints
{
    public static void Map(WebApplication app)
    {
        var handlers = app.Services.GetRequiredService<RequestHandlers>();
        var api = app.Services.GetRequiredService<EmulatorSettings>().Api;
        var root = app.MapGroup(ApiRoutes.BasePath);
        foreach (var operation in ApiOperations.All.Where(o => api.Serves(o.Operation)))
        {
            var handle = Handle(HandlerOf(handlers, operation.Operation));
            foreach (var endpoint in new[] { operation.Default, operation.Version })
            {
                root.MapMethods(endpoint.PathTemplate, [operation.Method.Method], handle)
                    .WithName(endpoint.OperationId)
                    .WithMetadata(new OperationMetadata(operation.Operation));
            }
        }
    }

    // The one place an operation meets its behaviour.
    private static Func<HttpContext, Task<IResult>> HandlerOf(RequestHandlers h, ApiOperation operation) => operation switch
    {
        ApiOperation.DirectCreate => h.CreateDirectAsync,
        ApiOperation.BatchCreate => h.CreateBatchAsync,
        ApiOperation.Collect => h.CollectAsync,
        ApiOperation.BatchDelete => h.DeleteBatchAsync,
        ApiOperation.BatchCancel => h.CancelBatchAsync,
        ApiOperation.Get => h.GetAsync,
        ApiOperation.GetInput => h.GetInputAsync,
        ApiOperation.GetOutput => h.GetOutputAsync,
        ApiOperation.List => h.ListAsync,
        ApiOperation.Cancel => h.UpdateAsync,
        ApiOperation.Delete => h.DeleteAsync,
        _ => throw new InvalidOperationException($"The emulator has no behaviour for {operation}."),
    };

    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context).ConfigureAwait(false)).ExecuteAsync(context).ConfigureAwait(false);
}
