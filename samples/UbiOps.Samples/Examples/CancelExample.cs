using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Cancelling a queued or running request, and deleting it.</summary>
public static class CancelExample
{
    /// <summary>
    /// Queues a ten-minute request on <c>sleep</c>, cancels it, waits until it is cancelled, and
    /// deletes it.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels the calls.</param>
    /// <returns>The status right after the cancel call, the final status, and whether the request was gone after the delete.</returns>
    public static async Task<CancelResults> RunAsync(UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:cancel>
        var sleep = client.Deployment(project, "sleep");
        var created = await sleep.CreateBatchAsync([RequestInput.FromObject(new { seconds = 600 })], cancellationToken);
        var id = created[0].Id;

        // A pending request is cancelled at once; a processing one goes to cancelled_pending first.
        var update = await sleep.CancelAsync(id, cancellationToken);

        var wait = new WaitOptions { Timeout = TimeSpan.FromMinutes(1) };
        var final = await sleep.WaitAsync([id], wait, cancellationToken).SingleAsync(cancellationToken); // status cancelled

        await sleep.DeleteAsync(id, cancellationToken); // or DeleteAsync(ids) for many at once
        // </readme:cancel>

        bool gone;
        try
        {
            await sleep.GetMetadataAsync(id, cancellationToken);
            gone = false;
        }
        catch (UbiOpsApiException e) when (e.StatusCode == 404)
        {
            gone = true;
        }

        return new CancelResults(update.Status, final.Status, gone);
    }
}

/// <summary>What <see cref="CancelExample.RunAsync"/> saw.</summary>
/// <param name="AfterCancel">The status the cancel call answered with: <c>cancelled</c> or <c>cancelled_pending</c>.</param>
/// <param name="Final">The status the request finished with.</param>
/// <param name="GoneAfterDelete">Whether reading the request after the delete answered 404.</param>
public sealed record CancelResults(RequestStatus AfterCancel, RequestStatus Final, bool GoneAfterDelete);
