namespace UbiOps.Client;

/// <summary>
/// Reads a list page by page so that no request is missed while others are created, started,
/// finished or deleted meanwhile. Paging by offset alone misses a request that slides across a
/// page boundary when requests before it leave the list. Here each page asks again for the last
/// few requests of the one before (<see cref="Overlap"/>) and must hold a request already read:
/// everything after that one in the page follows it in the list, so nothing was skipped. A page
/// that holds none (the list moved back by more than the overlap) is read again from further back,
/// at worst from the list's start.
/// The list has ended at an empty first page, or at a page that brings nothing after the requests
/// already read and is shorter than the longest page seen (a server may cap the page size below
/// the one asked for). Requests are deduplicated by id.
/// </summary>
/// <param name="route">Where to list.</param>
/// <param name="onCall">Told of each list call (a look-up counts its calls).</param>
internal sealed class ListPages(RequestRoute route, Action? onCall = null)
{
    /// <summary>How many requests each page asks for: the API's limit per call of the other batch operations.</summary>
    public const int PageSize = RequestLimits.MaxItemsPerCall;

    /// <summary>How many of a page's last requests the next page asks for again (at most half the page).</summary>
    public const int Overlap = 25;

    /// <summary>How many pages one list may take before it is given up as too long to search (incomplete).</summary>
    public const int MaxPages = 40;

    /// <summary>
    /// The requests of a list, each once, in the order first seen, until its end or a page that
    /// holds a request past <paramref name="end"/> (those further on are not read); and whether the
    /// list was read that far within <see cref="MaxPages"/> pages.
    /// </summary>
    public async Task<(List<DeploymentRequestList> Requests, bool Complete)> ReadAsync(
        RequestFilter filter, Func<DeploymentRequestList, bool> end, CancellationToken ct)
    {
        var requests = new List<DeploymentRequestList>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        var overlap = 0; // how many requests already read this page asks for again
        var longest = 0;
        for (var page = 0; page < MaxPages; page++)
        {
            onCall?.Invoke();
            var listed = (await route.ListAsync(filter with { Limit = PageSize, Offset = offset }, ct).ConfigureAwait(false)).ToList();
            var lastSeen = listed.FindLastIndex(r => seen.Contains(r.Id));
            if (listed.Count == 0 && overlap == 0)
            {
                return (requests, true); // nothing after what was read
            }

            if (overlap > 0 && lastSeen < 0 && offset > 0)
            {
                // Requests before this page left the list: one may have slid into what was read.
                // (From the list's start nothing can be skipped: every request already read has left it.)
                offset = Math.Max(0, offset - PageSize);
                continue;
            }

            foreach (var request in listed.Where(r => seen.Add(r.Id)))
            {
                requests.Add(request);
            }

            // Nothing after the requests already read, in a page shorter than others: the end. (A
            // page as long as others that ends so was pushed back by requests added before it.)
            if (listed.Any(end) || (overlap > 0 && lastSeen == listed.Count - 1 && listed.Count < longest))
            {
                return (requests, true);
            }

            longest = Math.Max(longest, listed.Count);
            overlap = Math.Min(Overlap, listed.Count / 2);
            offset += listed.Count - overlap;
        }

        return (requests, false);
    }
}
