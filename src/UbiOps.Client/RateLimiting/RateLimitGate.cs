namespace UbiOps.Client;

/// <summary>
/// Holds each call until the rate-limit window has room for it (creates first). It sits outside
/// the resilience handler, so the wait counts against no attempt or total timeout.
/// </summary>
internal sealed class RateLimitGate(RateBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var priority = ApiCall.Of(request)?.Info.Kind == ApiOperationKind.Create
            ? CallPriority.Create
            : CallPriority.Normal;
        using var lease = await budget.AcquireAsync(priority, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Tells the budget what every attempt's answer says about the window (also the 429s that the
/// resilience handler retries, which the gate outside never sees).
/// </summary>
internal sealed class RateLimitObserver(RateBudget budget) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        budget.Observe(response);
        return response;
    }
}
