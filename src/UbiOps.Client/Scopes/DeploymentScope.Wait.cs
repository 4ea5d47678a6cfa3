using System.Runtime.CompilerServices;

namespace UbiOps.Client;

// Waiting for requests to finish, and running inputs from submission to results.
public partial class DeploymentScope
{
    /// <summary>
    /// Waits for requests to finish with the default <see cref="WaitOptions"/>; see
    /// <see cref="WaitAsync(IEnumerable{string}, WaitOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="requestIds">The request ids; a repeated id is waited for (and yielded) once.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The requests as they finish.</returns>
    /// <exception cref="ArgumentException">No ids, or an empty id; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="UbiOpsApiException">A poll failed.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestBatchDetail> WaitAsync(IEnumerable<string> requestIds, CancellationToken cancellationToken = default) =>
        WaitAsync(requestIds, options: null, cancellationToken);

    /// <summary>
    /// Waits for requests to finish, yielding each once it is completed, failed or cancelled.
    /// Polls with collect calls of at most <see cref="RequestLimits.MaxItemsPerCall"/> ids (never one
    /// call per request), pausing longer after each poll as <paramref name="options"/> say.
    /// </summary>
    /// <param name="requestIds">The request ids; a repeated id is waited for (and yielded) once.</param>
    /// <param name="options">Poll intervals, backoff, overall timeout, concurrency and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The requests as they finish; those finishing in the same poll in input order.</returns>
    /// <exception cref="ArgumentException">No ids, an empty id, or bad options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="WaitTimeoutException">
    /// The overall timeout passed; the message says how many were unfinished and
    /// <see cref="WaitTimeoutException.UnfinishedRequestIds"/> which.
    /// </exception>
    /// <exception cref="UbiOpsApiException">A poll failed.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestBatchDetail> WaitAsync(
        IEnumerable<string> requestIds, WaitOptions? options, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds));
        options ??= new WaitOptions();
        options.Validate();
        return WaitCoreAsync(RequestFeed.Of(ids), options, cancellationToken);
    }

    private async IAsyncEnumerable<DeploymentRequestBatchDetail> WaitCoreAsync(
        RequestFeed feed, WaitOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (_, detail) in new RequestWaiter(_route, options).WaitAsync(feed, options.Progress, ct).ConfigureAwait(false))
        {
            yield return detail;
        }
    }

    /// <summary>
    /// Runs the inputs with the default <see cref="RunOptions"/>; see
    /// <see cref="RunAsync(IEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="cancellationToken">Stops submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>The outcomes, in input order.</returns>
    /// <exception cref="ArgumentException">Bad inputs; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="BatchSubmissionException">Submitting failed part-way; it tells which inputs were submitted.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IEnumerable<RequestInput> inputs, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options: null, cancellationToken);

    /// <summary>
    /// Submits the inputs as batch requests, waits for them, and yields one outcome per input in
    /// input order: an outcome is yielded as soon as it and all inputs before it have finished.
    /// </summary>
    /// <remarks>
    /// Submitting and waiting overlap: the requests of each batch call (at most
    /// <see cref="RequestLimits.MaxItemsPerCall"/> inputs) are polled for as soon as the call is
    /// accepted. When a batch call fails, the run still waits for the requests already submitted,
    /// yields the outcomes that are in order, then throws the <see cref="BatchSubmissionException"/>
    /// (which lists every submitted request id, so none is lost).
    /// <para>
    /// To resume a run that stops early for any other reason (cancelled, broken off, timed out, a
    /// failed poll), record the ids <see cref="RunOptions.OnSubmitted"/> is told: it learns each
    /// batch as soon as it is accepted, before its requests are polled. The submitted requests whose
    /// outcomes were not yielded are the ones to wait for again, never to submit again.
    /// </para>
    /// </remarks>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="options">How to submit and how to wait; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>The outcomes, in input order.</returns>
    /// <exception cref="ArgumentException">Bad inputs or options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="BatchSubmissionException">Submitting failed part-way; it tells which inputs were submitted.</exception>
    /// <exception cref="WaitTimeoutException">
    /// The wait's overall timeout passed; <see cref="WaitTimeoutException.UnfinishedRequestIds"/>
    /// names the submitted requests that had not finished.
    /// </exception>
    /// <exception cref="Exception">Whatever <see cref="RunOptions.OnSubmitted"/> threw: it ends the run.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(
        IEnumerable<RequestInput> inputs, RunOptions? options, CancellationToken cancellationToken = default)
    {
        var items = Guard.Inputs(inputs, nameof(inputs));
        options ??= new RunOptions();
        options.Validate();
        return RunCoreAsync(items, options, cancellationToken);
    }

    private async IAsyncEnumerable<RequestOutcome> RunCoreAsync(
        RequestInput[] inputs, RunOptions options, [EnumeratorCancellation] CancellationToken ct)
    {
        var wait = options.Wait ?? new WaitOptions();
        // Submitting and waiting overlap: each batch's requests are polled for as soon as the batch
        // is accepted, so the first outcome does not wait for the last input to be submitted.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var feed = new RequestFeed(inputs.Length);
        var reporter = new SubmissionReporter(options.OnSubmitted, stop, ct);
        var submission = SubmitAsync();
        var waiting = new RequestWaiter(_route, wait).WaitAsync(feed, wait.Progress, stop.Token).GetAsyncEnumerator();
        try
        {
            // Requests finish in any order; hold the early ones until every input before them is out.
            var early = new Dictionary<int, DeploymentRequestBatchDetail>();
            var next = 0;
            while (await reporter.ThrowIfFailedAsync(waiting.MoveNextAsync()).ConfigureAwait(false))
            {
                var (index, detail) = waiting.Current;
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
            // Stopped early (an error, a break, a timeout): make no further submissions, but let the
            // calls in flight be answered and reported, so every accepted request reaches OnSubmitted.
            await stop.CancelAsync().ConfigureAwait(false);
            await waiting.DisposeAsync().ConfigureAwait(false);
            await submission.ConfigureAwait(false);
        }

        async Task SubmitAsync()
        {
            try
            {
                await CreateBatchCoreAsync(inputs, options.Submit ?? new BatchCreateOptions(), stop.Token, async (offset, created) =>
                {
                    var ids = created.Select(c => c.Id).ToArray();
                    // Told (and recorded by the caller) before any of these ids is polled.
                    if (await reporter.ReportAsync(offset, ids).ConfigureAwait(false))
                    {
                        feed.Add(offset, ids);
                    }
                }).ConfigureAwait(false);
                feed.Complete(reporter.Failure);
            }
            catch (Exception e)
            {
                // The wait ends with this failure once the requests submitted so far are done.
                feed.Complete(reporter.Failure ?? e);
            }
        }
    }
}
