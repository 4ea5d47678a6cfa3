using System.Runtime.ExceptionServices;

namespace UbiOps.Client;

/// <summary>
/// What the submitter, the poller and the reader of one run share: the ledger, the window of inputs
/// in flight, the stop signals and the first failure.
/// </summary>
internal sealed class RunState : IDisposable
{
    private readonly CancellationTokenSource _stopSubmitting;
    private readonly CancellationTokenSource _stopPolling;
    private readonly SemaphoreSlim? _window;
    private readonly TaskCompletionSource _inputsDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly RateBudget? _budget;
    private Exception? _failure;

    public RunState(EngineSettings settings, RequestLedger ledger, CancellationToken caller, RateBudget? budget = null)
    {
        Settings = settings;
        Ledger = ledger;
        _budget = budget;
        _stopSubmitting = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _stopPolling = CancellationTokenSource.CreateLinkedTokenSource(caller);
        _window = settings.MaxInFlight == int.MaxValue ? null : new SemaphoreSlim(settings.MaxInFlight, settings.MaxInFlight);
        Started = settings.Time.GetTimestamp();
    }

    public EngineSettings Settings { get; }

    public RequestLedger Ledger { get; }

    public long Started { get; }

    public CancellationToken SubmitStop => _stopSubmitting.Token;

    public CancellationToken PollStop => _stopPolling.Token;

    /// <summary>Whether every input has been read (or reading stopped).</summary>
    public bool InputsDone => _inputsDone.Task.IsCompleted;

    /// <summary>Whether the submitter is held by the window, so only polls can make room.</summary>
    public bool WindowFull { get; set; }

    public void MarkInputsDone() => _inputsDone.TrySetResult();

    /// <summary>Completes when every input has been read (or reading stopped).</summary>
    public Task InputsDoneTask => _inputsDone.Task;

    /// <summary>Takes a place in the window for one input, waiting while it is full.</summary>
    public async ValueTask TakeWindowSlotAsync(Func<ValueTask> beforeWaiting)
    {
        if (_window is null || _window.Wait(0))
        {
            return;
        }

        await beforeWaiting().ConfigureAwait(false);
        WindowFull = true;
        try
        {
            await _window.WaitAsync(SubmitStop).ConfigureAwait(false);
        }
        finally
        {
            WindowFull = false;
        }
    }

    /// <summary>The caller took an outcome: its input leaves the window.</summary>
    public void Released() => _window?.Release();

    /// <summary>A failure that ends the run at once; the first one is what the run throws.</summary>
    public void Fail(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        StopAll();
    }

    /// <summary>Submitting failed: no more inputs are sent, but requests already made are still waited for.</summary>
    public void FailSubmitting(Exception failure)
    {
        Interlocked.CompareExchange(ref _failure, failure, null);
        _stopSubmitting.Cancel();
    }

    public void StopAll()
    {
        _stopSubmitting.Cancel();
        _stopPolling.Cancel();
    }

    /// <summary>When polls are held for the rate-limit window, the time it resets.</summary>
    public DateTimeOffset? RateLimitedUntil { get; set; }

    public void Report() => Settings.Progress?.Report(Ledger.Progress(RateLimitedUntil ?? _budget?.WaitingUntil));

    public void ThrowIfFailed()
    {
        if (Volatile.Read(ref _failure) is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
    }

    public void Dispose()
    {
        _stopSubmitting.Dispose();
        _stopPolling.Dispose();
        _window?.Dispose();
    }
}
