using System.Net;
using UbiOps.Emulator.Deployments;
using UbiOps.Emulator.Docs;
using UbiOps.Emulator.Execution;
using UbiOps.Emulator.Http;
using UbiOps.Emulator.Packages;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator;

/// <summary>Builds the web application: services, middleware order and endpoints.</summary>
internal static class EmulatorHost
{
    public static WebApplication Build(EmulatorOptions options, DeploymentCatalog catalog, RequestStore store, IPAddress address, string? python)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.Listen(address, options.Port);
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodySize;
            kestrel.AddServerHeader = false;
        });

        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(new EmulatorSettings(options));
        services.AddSingleton(catalog);
        services.AddSingleton(store);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<EmulatorLifetime>();
        services.AddSingleton<EmulatorDiagnostics>();
        services.AddSingleton<RunningRequests>();
        services.AddSingleton(_ => new PackageRunner(python, options.Project, options.Workers, options.PackageOutput)); // a factory, so disposing the app kills the workers
        services.AddSingleton(sp => new RequestExecutor(
            store, catalog, sp.GetRequiredService<PackageRunner>(), sp.GetRequiredService<TimeProvider>(), options.TimeoutUnit, new Random()));
        services.AddSingleton<BatchWorkerPool>();
        services.AddSingleton<TargetResolver>();
        services.AddSingleton<RequestHandlers>();
        services.AddSingleton(new FaultInjection(options.Faults));
        RateLimiting? rateLimiting = null;
        if (options.RateLimit is { } rateLimit)
        {
            rateLimiting = new RateLimiting(rateLimit, TimeProvider.System);
            services.AddRateLimiter(rateLimiting.Configure);
        }

        var app = builder.Build();

        // Order matters: errors are caught around everything; a method in the wrong case is refused
        // first; the rate limit and injected faults come before authentication and before any
        // handler, so a throttled or faulted call did nothing.
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.Use(CaseSensitiveMethods.InvokeAsync);
        if (rateLimiting is not null)
        {
            app.UseRateLimiter();
            app.Use(rateLimiting.AddHeadersAsync);
        }

        var faults = app.Services.GetRequiredService<FaultInjection>();
        app.Use(faults.InvokeAsync);
        app.UseMiddleware<TokenAuthentication>();
        app.UseStatusCodePages(async context =>
        {
            var response = context.HttpContext.Response;
            var request = context.HttpContext.Request;
            var message = response.StatusCode switch
            {
                StatusCodes.Status404NotFound => $"No API operation at {request.Method} {request.Path}.",
                StatusCodes.Status405MethodNotAllowed => $"Method {request.Method} is not allowed on {request.Path}.",
                _ => $"The request failed with status {response.StatusCode}.",
            };
            await JsonResponse.WriteAsync(response, new Client.ErrorResponse { Error = message }, response.StatusCode).ConfigureAwait(false);
        });

        RequestEndpoints.Map(app);
        DocsEndpoints.Map(app);
        return app;
    }
}
