using System.Threading.Channels;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Inputs;

namespace UbiOps.Cli.Run;

/// <summary>
/// Streams inputs through a deployment: reads ahead at most <see cref="RunSettings.Window"/>
/// inputs, submits them in batches, waits for each batch, and writes results strictly in input
/// order. Memory is bounded by the window, whatever the size of the input.
/// </summary>
internal sealed class RunPipeline
{
    private readonly IRunBackend _backend;
    private readonly RunSettings _settings;
    private readonly ResultWriter _output;
    private readonly RunStateFile _state;
    private readonly IRunObserver _observer;
    private readonly SemaphoreSlim _slots;
    private readonly Channel<ResultLine> _results = Channel.CreateUnbounded<ResultLine>(new() { SingleReader = true });
    private readonly List<Task> _waits = [];
    private readonly List<(long Index, JToken Data)> _toSubmit = [];
    private readonly List<(long Index, string Id)> _toCollect = [];
    private Exception? _fatal;
    private CancellationTokenSource _stop = new();

    public RunPipeline(IRunBackend backend, RunSettings settings, ResultWriter output, RunStateFile state, IRunObserver observer)
    {
        if (settings.BatchSize is < 1 or > RunSettings.MaxBatchSize || settings.Window < settings.BatchSize)
        {
            throw new ArgumentException($"The batch size must be 1..{RunSettings.MaxBatchSize} and the window at least the batch size.", nameof(settings));
        }

        _backend = backend;
        _settings = settings;
        _output = output;
        _state = state;
        _observer = observer;
        _slots = new SemaphoreSlim(settings.Window);
    }

    /// <summary>Lines written by this run, and how many of them did not complete.</summary>
    public long Written { get; private set; }

    /// <summary>Lines written by this run whose input did not complete.</summary>
    public long Failed { get; private set; }

    /// <summary>
    /// Runs the inputs from <paramref name="firstIndex"/> on (earlier ones are already in the output).
    /// Inputs with an id in the state file are collected, never submitted again.
    /// </summary>
    /// <exception cref="OperationCanceledException">Cancelled; every result that had arrived in order is written.</exception>
    public async Task RunAsync(IAsyncEnumerable<InputRecord> inputs, long firstIndex, CancellationToken cancellationToken)
    {
        _stop.Dispose();
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var writer = Task.Run(() => WriteInOrderAsync(firstIndex));
        try
        {
            await foreach (var input in inputs.WithCancellation(_stop.Token))
            {
                if (input.Index < firstIndex)
                {
                    continue;
                }

                await TakeSlotAsync();
                Dispatch(input);
                if (_toSubmit.Count >= _settings.BatchSize)
                {
                    await SubmitPendingAsync();
                }

                if (_toCollect.Count >= _settings.BatchSize)
                {
                    StartCollectingPending();
                }
            }

            await SubmitPendingAsync();
            StartCollectingPending();
            await Task.WhenAll(_waits);
        }
        catch (OperationCanceledException) when (_fatal is not null)
        {
            // A wait failed and stopped the run: report that failure, not the stop.
        }
        finally
        {
            await _stop.CancelAsync();
            await Task.WhenAll(_waits.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)));
            _results.Writer.TryComplete();
            await writer;
            await _output.FlushAsync();
            _stop.Dispose();
        }

        if (_fatal is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_fatal);
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task TakeSlotAsync()
    {
        if (!_slots.Wait(0))
        {
            // The window is full and the oldest input may sit in a partial batch: send it first.
            await SubmitPendingAsync();
            StartCollectingPending();
            await _slots.WaitAsync(_stop.Token);
        }
    }

    private void Dispatch(InputRecord input)
    {
        if (input.IsMalformed)
        {
            _observer.Malformed(input.Error!);
            _results.Writer.TryWrite(ResultLine.Malformed(input.Index, input.Error!));
        }
        else if (_state.Recorded.TryGetValue(input.Index, out var id))
        {
            _toCollect.Add((input.Index, id));
        }
        else
        {
            _toSubmit.Add((input.Index, input.Data!));
        }
    }

    private async Task SubmitPendingAsync()
    {
        if (_toSubmit.Count == 0)
        {
            return;
        }

        var batch = _toSubmit.ToArray();
        _toSubmit.Clear();
        try
        {
            await SubmitAsync(batch);
        }
        catch (Exception e) when (batch.Length > 1 && _backend.IsRejection(e, out _))
        {
            // Batches are all or nothing: one bad input refuses all. Send them one by one so only
            // the bad ones fail.
            foreach (var single in batch)
            {
                try
                {
                    await SubmitAsync([single]);
                }
                catch (Exception inner) when (_backend.IsRejection(inner, out var reason))
                {
                    _results.Writer.TryWrite(new ResultLine(single.Index, null, ResultLine.Rejected, null, reason));
                }
            }
        }
        catch (Exception e) when (_backend.IsRejection(e, out var reason))
        {
            _results.Writer.TryWrite(new ResultLine(batch[0].Index, null, ResultLine.Rejected, null, reason));
        }
    }

    private async Task SubmitAsync((long Index, JToken Data)[] batch)
    {
        // A stop prevents new batch calls, but does not cut one short: the server may already have
        // accepted it, and only its answer tells which ids to record so a resumed run does not submit
        // these inputs again. The client's own timeouts bound the call.
        _stop.Token.ThrowIfCancellationRequested();
        var ids = await _backend.SubmitAsync(batch.Select(b => b.Data).ToArray(), CancellationToken.None);
        if (ids.Count != batch.Length)
        {
            throw new InvalidOperationException($"The server answered {ids.Count} request ids for a batch of {batch.Length}.");
        }

        var accepted = batch.Select((b, i) => (b.Index, ids[i])).ToArray();
        // Recorded before anything else, so a stop from here on never submits these again.
        await _state.AppendAsync(accepted);
        _observer.Submitted(accepted.Length);
        StartWaiting(accepted);
    }

    private void StartCollectingPending()
    {
        if (_toCollect.Count > 0)
        {
            StartWaiting(_toCollect.ToArray());
            _toCollect.Clear();
        }
    }

    private void StartWaiting((long Index, string Id)[] requests)
    {
        _waits.RemoveAll(t => t.IsCompletedSuccessfully);
        _waits.Add(Task.Run(() => WaitAsync(requests)));
    }

    private async Task WaitAsync((long Index, string Id)[] requests)
    {
        var indexById = requests.ToDictionary(r => r.Id, r => r.Index);
        try
        {
            await foreach (var outcome in _backend.WaitAsync(requests.Select(r => r.Id).ToArray(), _stop.Token))
            {
                if (indexById.Remove(outcome.RequestId, out var index))
                {
                    _results.Writer.TryWrite(new ResultLine(index, outcome.RequestId, outcome.Status, outcome.Result, outcome.Error));
                }
            }

            // Every input needs its line, or the ordered output would stall on it.
            foreach (var (id, index) in indexById)
            {
                _results.Writer.TryWrite(new ResultLine(index, id, "unknown", null, $"the server reported nothing about request {id}"));
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _fatal, e, null);
            await _stop.CancelAsync();
        }
    }

    // The only writer of the output: holds early results back until every earlier input is written.
    private async Task WriteInOrderAsync(long firstIndex)
    {
        var held = new Dictionary<long, ResultLine>();
        var next = firstIndex;
        var reader = _results.Reader;
        try
        {
            while (await reader.WaitToReadAsync())
            {
                while (reader.TryRead(out var line))
                {
                    held[line.Index] = line;
                }

                while (held.Remove(next, out var ready))
                {
                    _output.Write(ready);
                    Written++;
                    if (!ready.Succeeded)
                    {
                        Failed++;
                    }

                    next++;
                    _slots.Release();
                    _observer.Written(ready);
                }

                await _output.FlushAsync();
            }
        }
        catch (Exception e)
        {
            // Nothing more gets written, so no slot of the window frees up again: stop the run with
            // this failure, or the reader would wait for a slot forever.
            Interlocked.CompareExchange(ref _fatal, e, null);
            await _stop.CancelAsync();
        }
    }
}
