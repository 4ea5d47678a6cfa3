using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Cancelling queued or running requests, one or many, and deleting them.</summary>
public static class CancelExample
{
    /// <summary>
    /// Queues three ten-minute requests on <c>sleep</c>, cancels one by its id and the other two in
    /// one batch cancel, waits until they are cancelled, and deletes them.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The final statuses, and whether the requests were gone after the delete.</returns>
    public static async Task<CancelResults> RunAsync(UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:cancel>
        var sleep = client.Deployment(project, "sleep");
        var inputs = Enumerable.Range(0, 3).Select(_ => RequestInput.FromObject(new { seconds = 600 }));
        var ids = (await sleep.CreateBatchAsync(inputs, cancellationToken)).Select(r => r.Id).ToArray();

        // A pending request is cancelled at once; a processing one goes to cancelled_pending first.
        await sleep.CancelAsync(ids[0], cancellationToken);     // one request
        await sleep.CancelAsync(ids[1..], cancellationToken);   // many, in calls of 250 (today's service)
        // or every pending one: await sleep.CancelAllAsync(RequestStatus.Pending, cancellationToken);

        var wait = new WaitOptions { Timeout = TimeSpan.FromMinutes(1) };
        var final = await sleep.WaitAsync(ids, wait, cancellationToken).ToListAsync(cancellationToken); // all cancelled

        await sleep.DeleteAsync(ids, cancellationToken); // or DeleteAsync(id) for one
        // </readme:cancel>

        var gone = 0;
        foreach (var id in ids)
        {
            try
            {
                await sleep.GetMetadataAsync(id, cancellationToken);
            }
            catch (UbiOpsApiException e) when (e.StatusCode == 404)
            {
                gone++;
            }
        }

        return new CancelResults(final.Select(r => r.Status).ToArray(), gone);
    }
}

/// <summary>What <see cref="CancelExample.RunAsync"/> saw.</summary>
/// <param name="Final">The statuses the requests finished with.</param>
/// <param name="GoneAfterDelete">How many of them answered 404 when read after the delete.</param>
public sealed record CancelResults(IReadOnlyList<RequestStatus> Final, int GoneAfterDelete);
