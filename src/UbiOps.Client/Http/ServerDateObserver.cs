namespace UbiOps.Client;

/// <summary>
/// Tells the server's clock (<see cref="ServerClock.ObserveDate"/>) the <c>Date</c> of every
/// attempt's answer, so a look-up of the first lost create of a run searches seconds, not minutes.
/// </summary>
internal sealed class ServerDateObserver(ServerFacts server, TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var sent = time.GetUtcNow();
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.Headers.Date is { } date)
        {
            server.Clock.ObserveDate(sent, time.GetUtcNow(), date);
        }

        return response;
    }
}
