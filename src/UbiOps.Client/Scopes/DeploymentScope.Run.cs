namespace UbiOps.Client;

// Running inputs from submission to results: the run engine over a list or a stream.
public partial class DeploymentScope
{
    /// <summary>
    /// Runs the inputs with the default <see cref="RunOptions"/>; see
    /// <see cref="RunAsync(IAsyncEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="cancellationToken">Stops submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>One outcome per input, in input order.</returns>
    /// <exception cref="ArgumentException">Bad inputs; thrown by this call, before any HTTP call.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IEnumerable<RequestInput> inputs, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options: null, cancellationToken);

    /// <summary>
    /// Runs a list of inputs; see <see cref="RunAsync(IAsyncEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>.
    /// A list (any <see cref="IReadOnlyCollection{T}"/>) is checked whole before any HTTP call.
    /// </summary>
    /// <param name="inputs">The inputs: all plain or all structured.</param>
    /// <param name="options">How to submit and wait; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>One outcome per input, in input order.</returns>
    /// <exception cref="ArgumentException">Bad inputs or options; thrown by this call, before any HTTP call.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IEnumerable<RequestInput> inputs, RunOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new RunOptions();
        return RunCore(options, (inputs as IReadOnlyCollection<RequestInput>)?.Count, () => inputs is IReadOnlyCollection<RequestInput>
            ? Guard.Inputs(inputs, nameof(inputs)).Select((input, i) => RunItem.Submit(i, input)).ToAsyncEnumerable()
            : Positioned(inputs.ToAsyncEnumerable(), nameof(inputs)), cancellationToken);
    }

    /// <summary>
    /// Runs the inputs with the default <see cref="RunOptions"/>; see
    /// <see cref="RunAsync(IAsyncEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>.
    /// </summary>
    /// <param name="inputs">The inputs, as they come: all plain or all structured.</param>
    /// <param name="cancellationToken">Stops reading, submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>One outcome per input, in input order.</returns>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IAsyncEnumerable<RequestInput> inputs, CancellationToken cancellationToken = default) =>
        RunAsync(inputs, options: null, cancellationToken);

    /// <summary>
    /// Submits the inputs as batch requests as they come, waits for them, and yields one outcome
    /// per input in input order, each as soon as it and every input before it have finished.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Memory stays flat on any number of inputs: at most <see cref="RunOptions.MaxInFlight"/> are
    /// read ahead of the outcomes taken. Batches are full (<see cref="RequestLimits.MaxItemsPerCall"/>)
    /// but for the last (and for a stream that pauses longer than <see cref="RunOptions.BatchLinger"/>).
    /// Polls collect the oldest unfinished requests across all batches, up to
    /// <see cref="RequestLimits.MaxItemsPerCall"/> per call, when they should have finished (timed
    /// from how fast requests finish), and stay within the server's rate-limit window: with the
    /// client's pipeline (<see cref="UbiOpsClient.Create(UbiOpsClientOptions?)"/> or
    /// <c>AddUbiOpsClient</c>) calls wait for the window instead of drawing 429s, creates first.
    /// </para>
    /// <para>
    /// An input the API refuses (a plain input for a structured deployment, say) gets a
    /// <see cref="OutcomeKind.Rejected"/> outcome with the API's reason; its batch is split until the
    /// refused inputs are alone, so the rest runs. A batch call whose answer was lost (a 5xx, a
    /// timeout, a dropped connection) may have made its requests: the run stops submitting, waits
    /// for the requests already made, yields the outcomes before that batch, and throws a
    /// <see cref="BatchSubmissionException"/> naming the batch's inputs.
    /// </para>
    /// <para>
    /// To resume a run that stops early, give it a <see cref="RunOptions.Journal"/>: it learns each
    /// accepted batch before its requests are polled, and on the next run names the requests made for
    /// inputs, which are then waited for, not submitted again.
    /// </para>
    /// </remarks>
    /// <param name="inputs">The inputs, as they come: all plain or all structured.</param>
    /// <param name="options">How to submit and wait; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops reading, submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>One outcome per input, in input order.</returns>
    /// <exception cref="ArgumentException">Bad options; thrown by this call, before any HTTP call. A <see langword="null"/> input ends the run when it is read.</exception>
    /// <exception cref="BatchSubmissionException">A batch call's answer was lost; it names the batch's inputs.</exception>
    /// <exception cref="UbiOpsApiException">The API refused a call itself (an unknown deployment, a bad token) or a poll failed.</exception>
    /// <exception cref="Exception">Whatever <see cref="RunJournal.BatchAcceptedAsync"/> threw: it ends the run.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IAsyncEnumerable<RequestInput> inputs, RunOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new RunOptions();
        return RunCore(options, total: null, () => Positioned(inputs, nameof(inputs)), cancellationToken);
    }

    /// <summary>
    /// Runs items the caller numbers itself, as a resumable runner over a file does (the
    /// <c>ubiops-requests run</c> command is one): inputs to submit, inputs whose request an earlier
    /// run made (<see cref="RunItem.Known"/>: waited for, not submitted again), and inputs that could
    /// not be read (<see cref="RunItem.Invalid"/>: a rejection in their place). Otherwise as
    /// <see cref="RunAsync(IAsyncEnumerable{RequestInput}, RunOptions?, CancellationToken)"/>;
    /// outcomes carry the items' indices.
    /// </summary>
    /// <param name="items">The items, in increasing <see cref="RunItem.Index"/>.</param>
    /// <param name="options">How to submit and wait; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops reading, submitting and waiting (submitted requests keep running on the server).</param>
    /// <returns>One outcome per item, in item order.</returns>
    /// <exception cref="ArgumentException">Bad options; thrown by this call, before any HTTP call.</exception>
    /// <exception cref="BatchSubmissionException">A batch call's answer was lost and could not be looked up; it names the batch's inputs.</exception>
    /// <exception cref="UbiOpsApiException">The API refused a call itself (an unknown deployment, a bad token) or a poll failed.</exception>
    public virtual IAsyncEnumerable<RequestOutcome> RunAsync(IAsyncEnumerable<RunItem> items, RunOptions? options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunCore(options ?? new RunOptions(), total: null, () => items, cancellationToken);
    }

    // The options are checked before the inputs are looked at.
    private IAsyncEnumerable<RequestOutcome> RunCore(RunOptions options, long? total, Func<IAsyncEnumerable<RunItem>> items, CancellationToken cancellationToken)
    {
        var settings = EngineSettings.For(options, total, Client.ReconcileDelay);
        return new RunEngine(_route, Client.Budget, Client.Server, settings).RunAsync(items(), cancellationToken);
    }

    private static async IAsyncEnumerable<RunItem> Positioned(IAsyncEnumerable<RequestInput> inputs, string name)
    {
        var index = 0L;
        await foreach (var input in inputs.ConfigureAwait(false))
        {
            yield return input is null
                ? throw new ArgumentException($"The input at index {index} is null.", name)
                : RunItem.Submit(index, input);
            index++;
        }
    }
}
