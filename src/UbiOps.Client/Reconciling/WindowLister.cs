namespace UbiOps.Client;

/// <summary>
/// Every request created in a time window, whatever its status, with list calls that mean the same
/// on either generation of the API (<see cref="ApiGeneration"/>). Today's list shows only completed
/// requests unless asked for a status, lists pending and processing only each on its own, and
/// takes dates only for finished requests; so each status is listed on its own: the unfinished ones
/// newest first back to the window's start, the finished ones by the window's dates.
/// </summary>
/// <remarks>
/// The statuses are listed in the order a request goes through them. A request that changes status
/// while the lists are read moves on to a status listed later, so it is in one of the lists when
/// that list is read: none slips between two. A server that cannot list one of them (today's has
/// no list of <see cref="RequestStatus.CancelledPending"/> requests: it answers 400) leaves only a
/// request being cancelled at that very moment unseen.
/// </remarks>
internal sealed class WindowLister(RequestRoute route, Action onCall)
{
    // RequestStatus.Known is in the order of a request's life: pending, processing, cancelled_pending
    // (on its way to cancelled) are the unfinished ones, then the finished ones.
    private static readonly RequestStatus[] Unfinished = [.. RequestStatus.Known.Where(s => !s.IsTerminal)];
    private static readonly RequestStatus[] Finished = [.. RequestStatus.Known.Where(s => s.IsTerminal)];

    private readonly ListPages _pages = new(route, onCall);

    /// <summary>The requests created from <paramref name="from"/> to <paramref name="to"/> (server time), and whether every list was read to its end.</summary>
    public async Task<(IReadOnlyList<DeploymentRequestList> Requests, bool Complete)> ListAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var window = new Dictionary<string, DeploymentRequestList>(StringComparer.Ordinal);
        var complete = true;
        foreach (var status in Unfinished)
        {
            try
            {
                // Newest first (without dates: today's list takes none for these), back to the window's start.
                var (listed, whole) = await _pages.ReadAsync(new RequestFilter { Status = status }, r => r.TimeCreated < from, ct).ConfigureAwait(false);
                Add(window, listed.Where(r => r.TimeCreated >= from && r.TimeCreated <= to));
                complete &= whole;
            }
            catch (UbiOpsApiException e) when (e.StatusCode == 400 && status == RequestStatus.CancelledPending)
            {
                // Today's list names no such status; see the remarks.
            }
        }

        foreach (var status in Finished)
        {
            var (listed, whole) = await _pages.ReadAsync(new RequestFilter { Status = status, StartDate = from, EndDate = to }, _ => false, ct).ConfigureAwait(false);
            Add(window, listed);
            complete &= whole;
        }

        return (window.Values.ToList(), complete);
    }

    private static void Add(Dictionary<string, DeploymentRequestList> window, IEnumerable<DeploymentRequestList> requests)
    {
        foreach (var request in requests)
        {
            window.TryAdd(request.Id, request);
        }
    }
}
