using UbiOps.Client;

namespace UbiOps.Samples;

/// <summary>Batch requests: queue any number of inputs, then wait for their results.</summary>
public static class BatchAndWaitExample
{
    /// <summary>Queues 600 structured inputs on <c>echo</c> and waits until every request has finished.</summary>
    /// <param name="client">The client.</param>
    /// <param name="project">The project that holds the deployment.</param>
    /// <param name="cancellationToken">Cancels submitting and waiting.</param>
    /// <returns>The inputs, the created requests in input order, and the finished requests in the order they finished.</returns>
    public static async Task<BatchAndWaitResults> RunAsync(
        UbiOpsClient client, string project, CancellationToken cancellationToken = default)
    {
        // <readme:batch-and-wait>
        var echo = client.Deployment(project, "echo");
        var inputs = Enumerable.Range(1, 600).Select(i => RequestInput.FromObject(new { order = i })).ToList();

        // Sent in calls of at most 250 inputs, a few at a time; the created requests come back in input order.
        var created = await echo.CreateBatchAsync(inputs, new BatchCreateOptions { Timeout = TimeSpan.FromHours(1) }, cancellationToken);

        // Polls with collect calls (250 ids each, never one call per request), timed from how fast they finish.
        var wait = new WaitOptions
        {
            MaxPollInterval = TimeSpan.FromSeconds(30), // the longest pause between polls (the default)
            Timeout = TimeSpan.FromMinutes(30),         // WaitTimeoutException when not all finished by then
        };
        var finished = new List<DeploymentRequestBatchDetail>();
        await foreach (var request in echo.WaitAsync(created.Select(r => r.Id), wait, cancellationToken))
        {
            finished.Add(request); // completed, failed or cancelled, as each finishes
        }
        // </readme:batch-and-wait>

        return new BatchAndWaitResults(inputs, created, finished);
    }
}

/// <summary>What <see cref="BatchAndWaitExample.RunAsync"/> got back.</summary>
/// <param name="Inputs">The inputs that were queued.</param>
/// <param name="Created">The created requests, in input order.</param>
/// <param name="Finished">The finished requests, in the order they finished.</param>
public sealed record BatchAndWaitResults(
    IReadOnlyList<RequestInput> Inputs,
    IReadOnlyList<DeploymentRequestBatchCreateResponse> Created,
    IReadOnlyList<DeploymentRequestBatchDetail> Finished);
