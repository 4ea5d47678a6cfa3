using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Listing requests with filters: one page, or every page.</summary>
public static class ListWithFiltersExample
{
    /// <summary>
    /// Makes three requests to <c>fail</c> (they fail in the deployment), then lists the failed
    /// requests of the last hour, newest first: one page of two, and all pages.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The ids of the requests made, the first page and every listed request.</returns>
    public static async Task<ListWithFiltersResults> RunAsync(UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        var made = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            made.Add((await client.Deployment(project, "fail").CreateAsync(RequestInput.FromObject(new { attempt = i }), cancellationToken)).Id);
        }

        // <readme:list-with-filters>
        var fail = client.Deployment(project, "fail");
        var filter = new RequestFilter
        {
            Status = RequestStatus.Failed,
            StartDate = DateTimeOffset.UtcNow.AddHours(-1), // created in the last hour ...
            EndDate = DateTimeOffset.UtcNow,                // ... until now: pages stay put while new requests arrive
            Limit = 2,                                      // page size (the API's default is 50)
        };

        // One page ...
        var firstPage = await fail.ListAsync(filter, cancellationToken);

        // ... or every page, fetched as you go.
        var all = new List<DeploymentRequestList>();
        await foreach (var request in fail.ListAllAsync(filter, cancellationToken))
        {
            all.Add(request);
        }
        // </readme:list-with-filters>

        return new ListWithFiltersResults(made, firstPage, all);
    }
}

/// <summary>What <see cref="ListWithFiltersExample.RunAsync"/> got back.</summary>
/// <param name="RequestIds">The ids of the failed requests the example made.</param>
/// <param name="FirstPage">The first page of the listing.</param>
/// <param name="All">Every listed request.</param>
public sealed record ListWithFiltersResults(
    IReadOnlyList<string> RequestIds,
    IReadOnlyList<DeploymentRequestList> FirstPage,
    IReadOnlyList<DeploymentRequestList> All);
