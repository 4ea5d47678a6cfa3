using System.Runtime.CompilerServices;

namespace UbiOps.Client;

// Waiting for requests that exist already: the run engine with every input a known request.
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
    /// Waits for requests to finish, yielding each once it is completed, failed or cancelled. Polls
    /// with collect calls of at most <see cref="RequestLimits.MaxItemsPerCall"/> ids (never one call
    /// per request), oldest first, timed from how fast the requests finish, within the server's rate limit.
    /// </summary>
    /// <param name="requestIds">The request ids; a repeated id is waited for (and yielded) once.</param>
    /// <param name="options">Timeout, poll timing, concurrency and progress; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The requests as they finish.</returns>
    /// <exception cref="ArgumentException">No ids, an empty id, or bad options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="WaitTimeoutException">
    /// The overall timeout passed; <see cref="WaitTimeoutException.UnfinishedRequestIds"/> names the
    /// requests still running.
    /// </exception>
    /// <exception cref="UbiOpsApiException">A poll failed.</exception>
    public virtual IAsyncEnumerable<DeploymentRequestBatchDetail> WaitAsync(
        IEnumerable<string> requestIds, WaitOptions? options, CancellationToken cancellationToken = default)
    {
        var ids = Guard.RequestIds(requestIds, nameof(requestIds)).Distinct(StringComparer.Ordinal).ToArray();
        options ??= new WaitOptions();
        options.Validate();
        var engine = new RunEngine(_route, Client.Budget, Client.Server, EngineSettings.For(options, ids.Length));
        return WaitCoreAsync(engine, ids, cancellationToken);
    }

    private static async IAsyncEnumerable<DeploymentRequestBatchDetail> WaitCoreAsync(
        RunEngine engine, string[] ids, [EnumeratorCancellation] CancellationToken ct)
    {
        var items = ids.Select((id, i) => RunItem.Known(i, id)).ToAsyncEnumerable();
        await foreach (var outcome in engine.RunAsync(items, ct).ConfigureAwait(false))
        {
            if (outcome.Detail is { } detail)
            {
                yield return detail;
            }
            else
            {
                // Only a request deleted while it was waited for has no detail.
                throw new InvalidOperationException(outcome.ErrorMessage);
            }
        }
    }
}
