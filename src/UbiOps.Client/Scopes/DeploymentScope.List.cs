using System.Runtime.CompilerServices;

namespace UbiOps.Client;

// Listing requests: one page, or every match page by page.
public partial class DeploymentScope
{
    /// <summary>Lists one page of requests (the server's default: the 50 newest).</summary>
    /// <param name="filter">Which requests, in which order, which page.</param>
    /// <param name="ct">Cancels the call.</param>
    /// <returns>The matching requests, without their inputs and results.</returns>
    /// <exception cref="ArgumentException">The filter is not valid; the exception names the field.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual async Task<IReadOnlyList<DeploymentRequestList>> ListAsync(RequestFilter? filter = null, CancellationToken ct = default)
    {
        filter ??= new RequestFilter();
        filter.Validate();
        return (await _route.ListAsync(filter, ct).ConfigureAwait(false)).ToArray();
    }

    /// <summary>
    /// Lists every matching request, page by page (<see cref="RequestFilter.Limit"/> per page,
    /// starting at <see cref="RequestFilter.Offset"/>), until a page comes back short.
    /// </summary>
    /// <remarks>
    /// Pages are read by offset: requests created while listing newest-first shift the pages, so
    /// use an ascending <see cref="RequestFilter.Sort"/> or an <see cref="RequestFilter.EndDate"/>
    /// for a stable listing.
    /// </remarks>
    /// <param name="filter">Which requests, and the page size.</param>
    /// <param name="ct">Cancels the listing.</param>
    /// <returns>The matching requests, as the pages arrive.</returns>
    /// <exception cref="ArgumentException">The filter is not valid; thrown by this call, before any HTTP call.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestList> ListAllAsync(RequestFilter? filter = null, CancellationToken ct = default)
    {
        filter ??= new RequestFilter();
        filter.Validate();
        return ListAllCoreAsync(filter, ct);
    }

    private async IAsyncEnumerable<DeploymentRequestList> ListAllCoreAsync(RequestFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var page = filter with { Limit = filter.Limit ?? RequestFilter.DefaultLimit, Offset = filter.Offset ?? 0 };
        while (true)
        {
            var requests = await _route.ListAsync(page, ct).ConfigureAwait(false);
            foreach (var request in requests)
            {
                yield return request;
            }

            if (requests.Count < page.Limit)
            {
                yield break;
            }

            page = page with { Offset = page.Offset + requests.Count };
        }
    }
}
