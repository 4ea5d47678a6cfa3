using System.Runtime.CompilerServices;

namespace UbiOps.Client;

// Listing requests: one page, or every match page by page.
public partial class DeploymentScope
{
    /// <summary>Lists the newest requests: one page of the server's default size (50).</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The requests, newest first, without their inputs and results.</returns>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<IReadOnlyList<DeploymentRequestList>> ListAsync(CancellationToken cancellationToken = default) =>
        ListAsync(filter: null, cancellationToken);

    /// <summary>Lists one page of requests.</summary>
    /// <param name="filter">Which requests, in which order, which page; <see langword="null"/> for the 50 newest.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The matching requests, without their inputs and results.</returns>
    /// <exception cref="ArgumentException">The filter is not valid; the exception names the field.</exception>
    /// <exception cref="UbiOpsApiException">The API answered with an error.</exception>
    public virtual Task<IReadOnlyList<DeploymentRequestList>> ListAsync(RequestFilter? filter, CancellationToken cancellationToken = default)
    {
        filter ??= new RequestFilter();
        filter.Validate();
        return ListPageAsync(filter, cancellationToken);
    }

    private async Task<IReadOnlyList<DeploymentRequestList>> ListPageAsync(RequestFilter filter, CancellationToken ct) =>
        (await _route.ListAsync(filter, ct).ConfigureAwait(false)).ToArray();

    /// <summary>Lists every request of the deployment, newest first, page by page.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The requests, as the pages arrive.</returns>
    public virtual IAsyncEnumerable<DeploymentRequestList> ListAllAsync(CancellationToken cancellationToken = default) =>
        ListAllAsync(filter: null, cancellationToken);

    /// <summary>
    /// Lists every matching request, page by page (<see cref="RequestFilter.Limit"/> per page,
    /// starting at <see cref="RequestFilter.Offset"/>), until a page comes back short.
    /// </summary>
    /// <remarks>
    /// Pages are read by offset: requests created while listing newest-first shift the pages, so
    /// use an ascending <see cref="RequestFilter.Sort"/> or an <see cref="RequestFilter.EndDate"/>
    /// for a stable listing.
    /// </remarks>
    /// <param name="filter">Which requests, and the page size; <see langword="null"/> for all, newest first.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The matching requests, as the pages arrive.</returns>
    /// <exception cref="ArgumentException">The filter is not valid; thrown by this call, before any HTTP call.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestList> ListAllAsync(RequestFilter? filter, CancellationToken cancellationToken = default)
    {
        filter ??= new RequestFilter();
        filter.Validate();
        return ListAllCoreAsync(filter, cancellationToken);
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
