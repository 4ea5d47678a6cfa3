using System.Collections.Concurrent;
using UbiOps.Client;

namespace UbiOps.Emulator.Http;

/// <summary>
/// Injects faults into API calls. Which fault, in this order: the call's
/// <see cref="HeaderName"/> header; the first <see cref="FaultRule"/> that matches the call's
/// operation; a roll against <see cref="FaultOptions"/>. Faults before handling answer (or drop)
/// before anything is stored or run; faults after commit let the call be carried out, with its
/// answer held in a buffer, and then lose that answer (or send it late).
/// </summary>
internal sealed class FaultInjection
{
    /// <summary>A fault for this one call: a <see cref="FaultKind"/> name, e.g. <c>drop-after</c> or <c>delay-after=5s</c>.</summary>
    public const string HeaderName = "X-UbiOps-Emulator-Fault";

    private readonly Lock _lock = new();
    private readonly List<FaultRule> _rules = [];
    private readonly ConcurrentDictionary<FaultKind, int> _injected = new();
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

    /// <summary>How many faults of each kind were injected (an after-commit fault only when the call was carried out).</summary>
    public IReadOnlyDictionary<FaultKind, int> Injected => new Dictionary<FaultKind, int>(_injected);

    public FaultRule Add(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        rule.Validate();
        lock (_lock)
        {
            _rules.Add(rule);
        }

        return rule;
    }

    public void ClearRules()
    {
        lock (_lock)
        {
            _rules.Clear();
        }
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!ApiPaths.IsApi(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        if (!TryChoose(context, out var fault, out var latency, out var headerError))
        {
            await JsonResponse.WriteAsync(context.Response, new ErrorResponse { Error = headerError }, StatusCodes.Status400BadRequest).ConfigureAwait(false);
            return;
        }

        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, context.RequestAborted).ConfigureAwait(false);
        }

        if (fault is not { } chosen)
        {
            await next(context).ConfigureAwait(false);
        }
        else if (chosen.Kind.IsAfterCommit())
        {
            await AfterCommitAsync(context, next, chosen.Kind, chosen.Delay).ConfigureAwait(false);
        }
        else
        {
            Count(chosen.Kind);
            await BeforeHandlingAsync(context, chosen.Kind).ConfigureAwait(false);
        }
    }

    private bool TryChoose(HttpContext context, out (FaultKind Kind, TimeSpan Delay)? fault, out TimeSpan latency, out string error)
    {
        fault = null;
        latency = TimeSpan.Zero;
        error = "";
        if (context.Request.Headers[HeaderName] is { Count: > 0 } header)
        {
            if (!TryParseHeader(header.ToString(), out var kind, out var delay))
            {
                error = $"{HeaderName} '{header}' is unknown; use one of {FaultKinds.All} (delay-after=DURATION for a delay).";
                return false;
            }

            fault = (kind, delay);
            return true;
        }

        var operation = context.GetEndpoint()?.Metadata.GetMetadata<OperationMetadata>()?.Operation ?? ApiOperation.Other;
        var options = Options;
        lock (_lock)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if ((rule.Operation is null || rule.Operation == operation) && rule.TryFire())
                {
                    fault = (rule.Kind, rule.Delay);
                    if (rule.Spent)
                    {
                        _rules.RemoveAt(i); // a rule is spent only by firing
                    }

                    break;
                }
            }

            if (options is null)
            {
                return true;
            }

            // Both rolls are made on every call, so a seed gives the same faults whatever the rules did.
            var latencyRoll = _random.NextDouble();
            var faultRoll = _random.NextDouble();
            latency = options.LatencyRate > 0 && latencyRoll < options.LatencyRate ? options.Latency : TimeSpan.Zero;
            if (fault is null)
            {
                var threshold = 0.0;
                foreach (var (kind, rate) in options.Failures())
                {
                    threshold += rate;
                    if (faultRoll < threshold)
                    {
                        fault = (kind, options.DelayAfterCommit);
                        break;
                    }
                }
            }
        }

        return true;
    }

    private static bool TryParseHeader(string value, out FaultKind kind, out TimeSpan delay)
    {
        var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
        delay = FaultKinds.DefaultDelayAfterCommit;
        if (!FaultKinds.TryParse(parts[0], out kind))
        {
            return false;
        }

        return parts.Length == 1 || (kind == FaultKind.DelayAfterCommit && FaultKinds.TryParseDuration(parts[1], out delay));
    }

    private static Task BeforeHandlingAsync(HttpContext context, FaultKind kind)
    {
        switch (kind)
        {
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = "1";
                return Fail(context, StatusCodes.Status429TooManyRequests, "Request was throttled (injected fault). Nothing was stored or run.");
            case FaultKind.Unavailable:
                context.Response.Headers.RetryAfter = "1";
                return Fail(context, StatusCodes.Status503ServiceUnavailable, "Service unavailable (injected fault). Nothing was stored or run.");
            case FaultKind.Drop:
                context.Abort(); // the connection is dropped without an answer
                return Task.CompletedTask;
            default:
                return Fail(context, StatusCodes.Status500InternalServerError, "Internal server error (injected fault). Nothing was stored or run.");
        }
    }

    /// <summary>Carries the call out with its answer held back, then loses the answer (or sends it late).</summary>
    private async Task AfterCommitAsync(HttpContext context, RequestDelegate next, FaultKind kind, TimeSpan delay)
    {
        var response = context.Response;
        var original = response.Body;
        using var held = new MemoryStream();
        response.Body = held;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            response.Body = original;
        }

        // Only a call that was carried out has an answer worth losing; a refused one is answered as it was.
        if (response.StatusCode is >= 200 and < 300)
        {
            Count(kind);
            switch (kind)
            {
                case FaultKind.DropAfterCommit:
                    context.Abort();
                    return;
                case FaultKind.DelayAfterCommit:
                    try
                    {
                        await Task.Delay(delay, context.RequestAborted).ConfigureAwait(false);
                    }
                    catch (OperationCanceledException)
                    {
                        return; // the client gave up waiting: nobody reads the answer
                    }

                    break;
                default:
                    response.Clear();
                    var (status, reason) = kind switch
                    {
                        FaultKind.BadGatewayAfterCommit => (StatusCodes.Status502BadGateway, "Bad gateway"),
                        FaultKind.GatewayTimeoutAfterCommit => (StatusCodes.Status504GatewayTimeout, "Gateway timeout"),
                        _ => (StatusCodes.Status500InternalServerError, "Internal server error"),
                    };
                    await Fail(context, status, $"{reason} (injected fault after the call was carried out: it was stored).").ConfigureAwait(false);
                    return;
            }
        }

        held.Position = 0;
        await held.CopyToAsync(original, context.RequestAborted).ConfigureAwait(false);
    }

    private void Count(FaultKind kind) => _injected.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static Task Fail(HttpContext context, int status, string message) =>
        JsonResponse.WriteAsync(context.Response, new ErrorResponse { Error = message }, status);
}
