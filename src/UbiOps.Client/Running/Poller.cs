namespace UbiOps.Client;

/// <summary>
/// The polling half of a run: collects the oldest unfinished requests, up to
/// <see cref="RequestLimits.MaxItemsPerCall"/> per call across all batches, when the planner says
/// they should have finished, a few calls at a time, leaving the rate-limit window's calls to
/// creates while there is work to submit.
/// </summary>
internal sealed class Poller(RequestRoute route, RateBudget? budget, EngineSettings settings, RunState run)
{
    private const int SetSize = RequestLimits.MaxItemsPerCall;

    private readonly PollPlanner _planner = new(settings.FirstPollDelay, settings.MaxPollInterval, settings.Time);
    private readonly List<Task> _polls = [];
    private long _heldSince; // when polls began waiting for the rate-limit window; 0 while not held

    public async Task RunAsync()
    {
        var ledger = run.Ledger;
        var time = settings.Time;
        var hadWork = false;
        try
        {
            while (!run.PollStop.IsCancellationRequested)
            {
                // Read once: waking on the inputs' end must follow from the same look that did not
                // stop here (read again below, a reader finishing in between was never waited for).
                var changed = ledger.Changed;
                var inputsDone = run.InputsDone;
                if (inputsDone && ledger.Unsent == 0 && ledger.Unfinished == 0)
                {
                    break;
                }

                ThrowIfWaitTimedOut();
                var pause = Timeout.InfiniteTimeSpan;
                lock (_planner)
                {
                    var working = ledger.Unfinished > 0;
                    if (working && !hadWork)
                    {
                        _planner.WorkArrived();
                    }

                    hadWork = working;
                    while (_polls.Count < settings.MaxConcurrentCalls && ledger.Pollable > 0)
                    {
                        var (scarce, blocked) = Budget();
                        if (blocked is { } untilReset)
                        {
                            pause = untilReset;
                            run.RateLimitedUntil = budget!.Time.GetUtcNow() + untilReset;
                            _heldSince = _heldSince == 0 ? time.GetTimestamp() : _heldSince;
                            run.Report();
                            break;
                        }

                        run.RateLimitedUntil = null;
                        if (_heldSince != 0)
                        {
                            UbiOpsMetrics.RecordRateLimitWait(time.GetElapsedTime(_heldSince));
                            _heldSince = 0;
                        }

                        var set = Math.Min(ledger.Pollable, SetSize);
                        var ahead = ledger.Unfinished - ledger.Pollable;
                        var last = run.InputsDone && ledger.Unsent == 0 && ledger.Unfinished <= SetSize;
                        var due = _planner.DueAt(set, ahead, scarce, last, ledger.NewestAcceptedOfNext(SetSize));
                        var now = time.GetTimestamp();
                        // Under a millisecond is now: a shorter timer would fire at once and spin.
                        if (due - now > time.TimestampFrequency / 1000)
                        {
                            pause = TimeSpan.FromSeconds((due - now) / (double)time.TimestampFrequency);
                            break;
                        }

                        var ids = ledger.TakeForPoll(SetSize);
                        _planner.Sending(ids.Count);
                        _polls.Add(Task.Run(() => PollAsync(ids), CancellationToken.None));
                    }
                }

                // A timer per pause, cancelled once woken, so waking often leaves no timers behind.
                using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(run.PollStop))
                {
                    var wake = new List<Task>(_polls) { changed, Task.Delay(Cap(pause), time, sleep.Token) };
                    if (!inputsDone)
                    {
                        wake.Add(run.InputsDoneTask);
                    }

                    await Task.WhenAny(wake).ConfigureAwait(false);
                    await sleep.CancelAsync().ConfigureAwait(false);
                }

                _polls.RemoveAll(t => t.IsCompleted);
            }
        }
        catch (OperationCanceledException) when (run.PollStop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            run.Fail(e);
        }
        finally
        {
            await Task.WhenAll(_polls).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(IReadOnlyList<string> ids)
    {
        try
        {
            var (details, missing) = await CollectAsync(ids, topLevel: true).ConfigureAwait(false);
            var done = run.Ledger.Polled(ids.Except(missing).ToArray(), details);
            if (missing.Count > 0)
            {
                run.Ledger.Missing(missing);
            }

            lock (_planner)
            {
                _planner.Answered(details.Where(d => d.Status.IsTerminal).ToArray(), ids.Count - missing.Count - done,
                    details.Count(d => d.Status == RequestStatus.Pending));
            }

            run.Report();
        }
        catch (Exception e)
        {
            run.Ledger.Polled(ids, []);
            if (e is not OperationCanceledException || !run.PollStop.IsCancellationRequested)
            {
                // Reads are retried by the pipeline already; one that still fails ends the run.
                run.Fail(e);
            }
        }
    }

    /// <summary>
    /// Collects the ids; when the answer is 404 (one unknown id refuses the whole call), halves the
    /// set until the unknown ids are alone, so the others are still read.
    /// </summary>
    private async Task<(List<DeploymentRequestBatchDetail> Details, List<string> Missing)> CollectAsync(IReadOnlyList<string> ids, bool topLevel)
    {
        try
        {
            return ([.. await route.CollectAsync(ids, run.PollStop).ConfigureAwait(false)], []);
        }
        catch (UbiOpsApiException e) when (e.StatusCode == 404)
        {
            if (ids.Count == 1)
            {
                return ([], [ids[0]]);
            }

            var half = ids.Count / 2;
            var first = await CollectAsync(ids.Take(half).ToArray(), topLevel: false).ConfigureAwait(false);
            var second = await CollectAsync(ids.Skip(half).ToArray(), topLevel: false).ConfigureAwait(false);
            if (topLevel && first.Details.Count == 0 && second.Details.Count == 0)
            {
                // Nothing of the set is known: not deleted requests but a deployment (or version) gone.
                throw;
            }

            return ([.. first.Details, .. second.Details], [.. first.Missing, .. second.Missing]);
        }
    }

    /// <summary>
    /// Whether the rate-limit window has calls to spare for polls (creates come first while there is
    /// work to submit), and when it has none, how long until it resets.
    /// </summary>
    private (bool Scarce, TimeSpan? BlockedFor) Budget()
    {
        if (budget?.Snapshot() is not { } window)
        {
            return (false, null);
        }

        var ledger = run.Ledger;
        var creates = run.WindowFull ? 0 : (int)Math.Ceiling(ledger.Unsent / (double)SetSize) + (run.InputsDone ? 0 : 1);
        var spare = window.Available - creates;
        var untilReset = window.ResetAt - budget.Time.GetUtcNow();
        if (spare <= 0 && untilReset > TimeSpan.Zero)
        {
            return (true, untilReset);
        }

        return (spare < Math.Ceiling(ledger.Unfinished / (double)SetSize), null);
    }

    private void ThrowIfWaitTimedOut()
    {
        if (settings.WaitTimeout is { } timeout && settings.Time.GetElapsedTime(run.Started) >= timeout)
        {
            var unfinished = run.Ledger.UnfinishedIds();
            var total = settings.Total?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            throw new WaitTimeoutException($"{unfinished.Count} of {total} requests were still unfinished after waiting {timeout}.", unfinished);
        }
    }

    private TimeSpan Cap(TimeSpan pause)
    {
        // Nothing to poll while inputs are still being read, or while polls are out: their
        // arrival (or answer) wakes the loop, and the timeout is checked then.
        if (pause == Timeout.InfiniteTimeSpan && (!run.InputsDone || _polls.Count > 0))
        {
            return pause;
        }

        if (settings.WaitTimeout is { } timeout)
        {
            var left = timeout - settings.Time.GetElapsedTime(run.Started);
            left = left < TimeSpan.Zero ? TimeSpan.Zero : left;
            return pause == Timeout.InfiniteTimeSpan || pause > left ? left : pause;
        }

        return pause;
    }
}
