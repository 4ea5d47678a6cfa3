namespace UbiOps.Emulator.Http;

/// <summary>
/// Turns every failure into a JSON error answer: client mistakes (<see cref="ApiProblem"/>, Kestrel's
/// own <see cref="BadHttpRequestException"/>, e.g. a body over the size limit) into their 4xx, and
/// anything unexpected into a 500 that is counted and logged. No client mistake should ever be a 500.
/// </summary>
internal sealed class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger, EmulatorDiagnostics diagnostics, EmulatorLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (ApiProblem problem) when (!context.Response.HasStarted)
        {
            await JsonResponse.WriteAsync(context.Response, new Client.ErrorResponse { Error = problem.Message }, problem.StatusCode).ConfigureAwait(false);
        }
        catch (BadHttpRequestException bad) when (!context.Response.HasStarted)
        {
            var message = bad.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? $"The request body is larger than the limit of {context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize} bytes."
                : $"Bad request: {bad.Message}";
            await JsonResponse.WriteAsync(context.Response, new Client.ErrorResponse { Error = message }, bad.StatusCode).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
        catch (OperationCanceledException) when (lifetime.Stopping.IsCancellationRequested && !context.Response.HasStarted)
        {
            await JsonResponse.WriteAsync(context.Response,
                new Client.ErrorResponse { Error = "The emulator is stopping; the request was not completed." },
                StatusCodes.Status503ServiceUnavailable).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            diagnostics.RecordUnexpectedError();
            logger.LogError(ex, "Unexpected error while handling {Method} {Path}.", context.Request.Method, context.Request.Path);
            if (!context.Response.HasStarted)
            {
                context.Response.Clear();
                await JsonResponse.WriteAsync(context.Response,
                    new Client.ErrorResponse { Error = $"Internal emulator error ({ex.GetType().Name}); see the emulator's log." },
                    StatusCodes.Status500InternalServerError).ConfigureAwait(false);
            }
        }
    }
}
