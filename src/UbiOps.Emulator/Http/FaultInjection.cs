namespace UbiOps.Emulator.Http;

/// <summary>
/// Injects faults into API calls before they are handled: added latency, then at most one of 429,
/// 500, 503 or a dropped connection. An injected failure happens before anything is stored or run,
/// so a client may always retry it safely. The options can be changed while the emulator runs.
/// </summary>
internal sealed class FaultInjection
{
    private readonly Lock _lock = new();
    private FaultOptions? _options;
    private Random _random = new();

    public FaultInjection(FaultOptions? options) => Options = options;

    public FaultOptions? Options
    {
        get => Volatile.Read(ref _options);
        set
        {
            value?.Validate();
            lock (_lock)
            {
                _random = value?.Seed is { } seed ? new Random(seed) : new Random();
                _options = value;
            }
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var options = Options;
        if (options is null || !ApiPaths.IsApi(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var (latencyRoll, faultRoll) = Roll();
        if (options.LatencyRate > 0 && latencyRoll < options.LatencyRate)
        {
            await Task.Delay(options.Latency, context.RequestAborted).ConfigureAwait(false);
        }

        var threshold = options.TooManyRequestsRate;
        if (faultRoll < threshold)
        {
            context.Response.Headers.RetryAfter = "1";
            await Fail(context, StatusCodes.Status429TooManyRequests, "Request was throttled (injected fault). Nothing was stored or run.").ConfigureAwait(false);
            return;
        }

        if (faultRoll < (threshold += options.InternalErrorRate))
        {
            await Fail(context, StatusCodes.Status500InternalServerError, "Internal server error (injected fault). Nothing was stored or run.").ConfigureAwait(false);
            return;
        }

        if (faultRoll < (threshold += options.UnavailableRate))
        {
            context.Response.Headers.RetryAfter = "1";
            await Fail(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable (injected fault). Nothing was stored or run.").ConfigureAwait(false);
            return;
        }

        if (faultRoll < threshold + options.DropRate)
        {
            context.Abort(); // the connection is dropped without an answer
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    private (double Latency, double Fault) Roll()
    {
        lock (_lock)
        {
            return (_random.NextDouble(), _random.NextDouble());
        }
    }

    private static Task Fail(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context.Response, new Client.ErrorResponse { Error = message }, status);
}
