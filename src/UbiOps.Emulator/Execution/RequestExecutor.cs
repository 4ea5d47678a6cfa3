using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using UbiOps.Emulator.Deployments;
using UbiOps.Emulator.Packages;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Execution;

/// <summary>
/// Runs one request's deployment code with its timeout and cancellation, and stores how it ended.
/// Shared by direct requests (run while the caller waits) and batch requests (run by the worker pool).
/// </summary>
internal sealed class RequestExecutor(
    RequestStore store,
    DeploymentCatalog catalog,
    PackageRunner packages,
    TimeProvider time,
    TimeSpan timeoutUnit,
    Random random)
{
    /// <summary>
    /// How often a batch request whose Python worker died runs again before it fails: a crash may be
    /// the machine's (a kill from outside), but one that always crashes must end.
    /// </summary>
    public const int MaxWorkerLostRetries = 2;

    private readonly Lock _randomLock = new();

    /// <summary>
    /// Runs a request that is already stored as processing. Returns the finished record; a pending
    /// one when it was queued again (its worker died); or null when the emulator is stopping (the
    /// request stays processing and runs again after a restart).
    /// </summary>
    public async Task<RequestRecord?> RunAsync(RequestRecord record, CancellationToken cancelRequested, CancellationToken stopping)
    {
        var outcome = await ExecuteAsync(record, cancelRequested, stopping).ConfigureAwait(false);
        if (outcome is null)
        {
            return null;
        }

        return outcome.Status == RequestStatus.Pending
            ? await store.RequeueAsync(record.Id, Now(), stopping).ConfigureAwait(false)
            : await store.FinishAsync(record.Id, outcome, Now(), stopping).ConfigureAwait(false);
    }

    public long Now() => time.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>
    /// Whether the deployment's requests end the moment they start: the built-in echo and fail with
    /// no delay. Those run in the transaction that accepts them (or, found pending after a restart,
    /// many per transaction in the worker pool) instead of with one task, one timer and two commits
    /// each; they cannot time out, and there is no moment in which to cancel them while they run.
    /// </summary>
    public bool RunsAtOnce(string deployment) =>
        catalog.Find(deployment) is { Handler: null, PackageDirectory: null, Behaviour: DeploymentBehaviour.Echo or DeploymentBehaviour.Fail } found &&
        found.Delay == TimeSpan.Zero;

    /// <summary>
    /// Runs a new request of a deployment that <see cref="RunsAtOnce"/>, started now: the record as it is
    /// once finished, to be stored in the transaction that accepts it.
    /// </summary>
    public RequestRecord RunAtOnce(RequestRecord record, long startedAt)
    {
        var outcome = RunAtOnce(record);
        return record with
        {
            Status = outcome.Status, StartedAt = startedAt, CompletedAt = Now(),
            Result = outcome.Result, ErrorMessage = outcome.ErrorMessage, OutputSize = outcome.OutputSize,
        };
    }

    /// <summary>The outcome of a request of a deployment that <see cref="RunsAtOnce"/>: what <see cref="RunAsync"/> would store.</summary>
    public ExecutionOutcome RunAtOnce(RequestRecord record)
    {
        var deployment = catalog.Find(record.Deployment);
        if (deployment is null)
        {
            return Failed($"Deployment '{record.Deployment}' is no longer served by this emulator.");
        }

        if (deployment.FailureRate > 0 && NextDouble() < deployment.FailureRate)
        {
            return Failed(BuiltInBehaviours.RandomFailureMessage(deployment));
        }

        // Echo: the stored request data is already the compact JSON the result would be written as
        // (parsing it and writing it again gives the same text), so it is the result as it is.
        return deployment.Behaviour == DeploymentBehaviour.Fail
            ? Failed(BuiltInBehaviours.AlwaysFailsMessage(deployment))
            : new ExecutionOutcome(RequestStatus.Completed, record.RequestData, null, record.InputSize);
    }

    private async Task<ExecutionOutcome?> ExecuteAsync(RequestRecord record, CancellationToken cancelRequested, CancellationToken stopping)
    {
        var deployment = catalog.Find(record.Deployment);
        if (deployment is null)
        {
            return Failed($"Deployment '{record.Deployment}' is no longer served by this emulator.");
        }

        var input = StoredJson.Parse(record.RequestData);
        var timeout = TimeSpan.FromTicks(Math.Min(timeoutUnit.Ticks * (long)record.Timeout, TimeSpan.FromDays(30).Ticks));
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var runToken = CancellationTokenSource.CreateLinkedTokenSource(cancelRequested, timeoutSource.Token, stopping);
        using var stopWaiting = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, stopping);

        var run = Task.Run(() => InvokeAsync(deployment, record, input, runToken.Token), CancellationToken.None);
        try
        {
            // A cancel waits for the code to give up (the request is cancelled_pending meanwhile); a
            // timeout or a stop does not wait for code that ignores its token.
            await run.WaitAsync(stopWaiting.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Classified below from the tokens and the task. The code is still told to stop: when the
            // timeout fired, stopWaiting may end this wait (and dispose runToken) before the linked
            // runToken saw the timeout, and code left running would hold its Python worker forever.
            if (!run.IsCompleted)
            {
                await runToken.CancelAsync().ConfigureAwait(false);
            }

            _ = run.ContinueWith(t => _ = t.Exception, TaskScheduler.Default);
        }

        if (stopping.IsCancellationRequested)
        {
            return null;
        }

        if (cancelRequested.IsCancellationRequested)
        {
            return new ExecutionOutcome(RequestStatus.Cancelled, null, null, null);
        }

        if (run.IsCompletedSuccessfully)
        {
            var result = (run.Result ?? JValue.CreateNull()).ToString(Formatting.None);
            return new ExecutionOutcome(RequestStatus.Completed, result, null, Encoding.UTF8.GetByteCount(result));
        }

        if (timeoutSource.IsCancellationRequested)
        {
            return Failed($"Timeout: the request did not finish within its timeout of {record.Timeout} seconds.");
        }

        var error = run.Exception?.InnerException;
        if (error is WorkerLostException && record.Kind == RequestMode.Batch && record.Retries < MaxWorkerLostRetries)
        {
            return new ExecutionOutcome(RequestStatus.Pending, null, null, null); // runs again, like after a restart
        }

        return Failed(error switch
        {
            DeploymentFailure failure => failure.Message,
            OperationCanceledException => "The deployment cancelled the request.",
            { Message.Length: > 0 } other => other.Message,
            _ => "The deployment failed.",
        });
    }

    private async Task<JToken> InvokeAsync(EmulatorDeployment deployment, RequestRecord record, JToken input, CancellationToken ct)
    {
        if (deployment.Delay > TimeSpan.Zero)
        {
            await Task.Delay(deployment.Delay, time, ct).ConfigureAwait(false);
        }

        if (deployment.FailureRate > 0 && NextDouble() < deployment.FailureRate)
        {
            throw new DeploymentFailure(BuiltInBehaviours.RandomFailureMessage(deployment));
        }

        if (deployment.PackageDirectory is not null)
        {
            return await packages.RunAsync(deployment, record, input, ct).ConfigureAwait(false);
        }

        return deployment.Handler is { } handler
            ? await handler(input.DeepClone(), ct).ConfigureAwait(false)
            : await BuiltInBehaviours.RunAsync(deployment, input, ct).ConfigureAwait(false);
    }

    private double NextDouble()
    {
        lock (_randomLock)
        {
            return random.NextDouble();
        }
    }

    private static ExecutionOutcome Failed(string message) => new(RequestStatus.Failed, null, message, null);
}
