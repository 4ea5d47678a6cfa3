using System.Runtime.ExceptionServices;

namespace UbiOps.Client;

/// <summary>
/// Tells a run's <see cref="RunOptions.OnSubmitted"/> about each accepted batch, one call at a time,
/// and turns the first exception it throws into the end of the run.
/// </summary>
internal sealed class SubmissionReporter(
    Func<IReadOnlyList<SubmittedRequest>, ValueTask>? onSubmitted, CancellationTokenSource stop, CancellationToken callerToken)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Exception? _failure;

    /// <summary>The first exception the callback threw, if any.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>
    /// Reports the batch whose first input is at <paramref name="offset"/>; never throws. Returns
    /// whether its requests should be waited for (not when the callback just failed).
    /// </summary>
    public async ValueTask<bool> ReportAsync(int offset, IReadOnlyList<string> ids)
    {
        if (onSubmitted is null)
        {
            return true;
        }

        var batch = ids.Select((id, i) => new SubmittedRequest(offset + i, id)).ToArray();
        // Not cancellable: the requests exist, and a batch in flight is reported even after a stop.
        await _oneAtATime.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            await onSubmitted(batch).ConfigureAwait(false);
            return true;
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            await stop.CancelAsync().ConfigureAwait(false);
            return false;
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Awaits a step of the wait; when the callback's failure stopped it, throws that failure
    /// instead of the cancellation it caused.
    /// </summary>
    public async ValueTask<bool> ThrowIfFailedAsync(ValueTask<bool> step)
    {
        try
        {
            return await step.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested && Failure is not null)
        {
            ExceptionDispatchInfo.Throw(Failure);
            throw;
        }
    }
}
