using System.Runtime.CompilerServices;

namespace UbiOps.Client;

// Waiting for requests to finish, and running inputs from submission to results.
public partial class DeploymentScope
{
    /// <summary>
    /// Waits for requests to finish, yielding each once it is completed, failed or cancelled.
    /// Polls with collect calls of at most <see cref="BatchLimits.MaxItemsPerCall"/> ids (never one
    /// call per request), pausing longer after each poll as <paramref name="options"/> say.
    /// </summary>
    /// <param name="requestIds">The request ids; a repeated id is waited for (and yielded) once.</param>
    /// <param name="options">Poll intervals, backoff, overall timeout and concurrency.</param>
    /// <param name="progress">Told the counts after every poll.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>The requests as they finish; those finishing in the same poll in input order.</returns>
    /// <exception cref="ArgumentException">No ids, an empty id, or bad options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="TimeoutException">The overall timeout passed; the message says how many were unfinished.</exception>
    /// <exception cref="UbiOpsApiException">A poll failed.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestBatchDetail> WaitAsync(
        IEnumerable<string> requestIds, WaitOptions? options = null, IProgress<WaitProgress>? progress = null, CancellationToken ct = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        options ??= new WaitOptions();
        options.Validate();
        return WaitCoreAsync(RequestFeed.Of(ids), options, progress, ct);
    }

    private async IAsyncEnumerable<DeploymentRequestBatchDetail> WaitCoreAsync(
        RequestFeed feed, WaitOptions options, IProgress<WaitProgress>? progress, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (_, detail) in new RequestWaiter(_route, options).WaitAsync(feed, progress, ct).ConfigureAwait(false))
        {
            yield return detail;
        }
    }

    /// <summary>
    /// Submits the inputs as batch requests, waits for them, and yields one outcome per input in
    /// input order: an outcome is yielded as soon as it and all inputs before it have finished.
    /// </summary>
    /// <remarks>
    /// Submitting and waiting overlap: the requests of each batch call (at most
    /// <see cref="BatchLimits.MaxItemsPerCall"/> inputs) are polled for as soon as the call is
    /// accepted. When a batch call fails, the run still waits for the requests already submitted,
    /// yields the outcomes that are in order, then throws the <see cref="BatchSubmissionException"/>
    /// (which lists every submitted request id, so none is lost).
    /// </remarks>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="options">How to submit and how to wait.</param>
    /// <param name="progress">Told the counts after every poll.</param>
    /// <param name="ct">Stops submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>The outcomes, in input order.</returns>
    /// <exception cref="ArgumentException">Bad inputs or options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="BatchSubmissionException">Submitting failed part-way; it tells which inputs were submitted.</exception>
    /// <exception cref="TimeoutException">The wait's overall timeout passed.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(
        IEnumerable<RequestInput> inputs, RunOptions? options = null, IProgress<WaitProgress>? progress = null, CancellationToken ct = default)
    {
        var items = Guard.Inputs(inputs, nameof(inputs));
        options ??= new RunOptions();
        options.Validate();
        return RunCoreAsync(items, options.Submit ?? new BatchCreateOptions(), options.Wait ?? new WaitOptions(), progress, ct);
    }

    private async IAsyncEnumerable<RequestOutcome> RunCoreAsync(
        RequestInput[] inputs, BatchCreateOptions submit, WaitOptions wait, IProgress<WaitProgress>? progress,
        [EnumeratorCancellation] CancellationToken ct)
    {
        // Submitting and waiting overlap: each batch's requests are polled for as soon as the batch
        // is accepted, so the first outcome does not wait for the last input to be submitted.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feed = new RequestFeed(inputs.Length);
        var submission = SubmitAsync();
        try
        {
            // Requests finish in any order; hold the early ones until every input before them is out.
            var early = new Dictionary<int, DeploymentRequestBatchDetail>();
            var next = 0;
            await foreach (var (index, detail) in new RequestWaiter(_route, wait).WaitAsync(feed, progress, stop.Token).ConfigureAwait(false))
            {
                early[index] = detail;
                while (early.Remove(next, out var ready))
                {
                    yield return new RequestOutcome(next, ready);
                    next++;
                }
            }
        }
        finally
        {
            // Stopped early (an error, a break, a timeout): make no further submissions.
            await stop.CancelAsync().ConfigureAwait(false);
            await submission.ConfigureAwait(false);
        }

        async Task SubmitAsync()
        {
            try
            {
                await CreateBatchCoreAsync(inputs, submit, stop.Token,
                    (offset, created) => feed.Add(offset, created.Select(c => c.Id).ToArray())).ConfigureAwait(false);
                feed.Complete();
            }
            catch (Exception e)
            {
                // The wait ends with this failure once the requests submitted so far are done.
                feed.Complete(e);
            }
        }
    }
}
