using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Newtonsoft.Json.Linq;
using UbiOps.Cli.Run;

namespace UbiOps.Cli.Tests.Run;

/// <summary>
/// An in-memory API for the run pipeline: echoes each input as its result, ending the requests of a
/// batch in reverse order, and earlier batches later than newer ones, so ordering is exercised.
/// </summary>
internal sealed class FakeRunBackend : IRunBackend
{
    private readonly ConcurrentDictionary<string, JToken> _inputs = new();
    private int _nextId;
    private int _outstanding;

    /// <summary>Inputs for which a batch call is refused as a whole.</summary>
    public Func<JToken, bool> Refuses { get; init; } = _ => false;

    /// <summary>Inputs whose request fails on the server.</summary>
    public Func<JToken, bool> Fails { get; init; } = _ => false;

    /// <summary>Called before each batch call; may throw or cancel.</summary>
    public Action<int>? BeforeSubmit { get; init; }

    /// <summary>
    /// Called after the server accepted a batch call but before its answer arrives; when the call's
    /// token is cancelled by then, the answer is lost, as with a cancelled HTTP call.
    /// </summary>
    public Action<int>? WhileInFlight { get; init; }

    public ConcurrentQueue<JToken> Submitted { get; } = new();

    public ConcurrentQueue<string> Waited { get; } = new();

    public int MaxOutstanding { get; private set; }

    public int SubmitCalls { get; private set; }

    public async Task<IReadOnlyList<string>> SubmitAsync(IReadOnlyList<JToken> inputs, CancellationToken cancellationToken)
    {
        BeforeSubmit?.Invoke(SubmitCalls);
        var call = SubmitCalls++;
        if (inputs.Any(Refuses))
        {
            throw new InvalidDataException("refused");
        }

        var ids = new List<string>();
        foreach (var input in inputs)
        {
            var id = $"req-{Interlocked.Increment(ref _nextId)}";
            _inputs[id] = input;
            Submitted.Enqueue(input);
            ids.Add(id);
        }

        var outstanding = Interlocked.Add(ref _outstanding, inputs.Count);
        MaxOutstanding = Math.Max(MaxOutstanding, outstanding);
        if (WhileInFlight is { } inFlight)
        {
            inFlight(call);
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
        }

        return ids;
    }

    /// <summary>Makes <paramref name="input"/> known under <paramref name="id"/>, as if an earlier run had submitted it.</summary>
    public void Remember(string id, JToken input) => _inputs[id] = input;

    public async IAsyncEnumerable<EndedRequest> WaitAsync(IReadOnlyList<string> requestIds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Older requests (lower numbers) take longer, so later batches finish first.
        var oldest = requestIds.Min(id => int.Parse(id.Split('-')[1]));
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(1, 40 - oldest % 40)), cancellationToken);
        foreach (var id in requestIds.Reverse())
        {
            Waited.Enqueue(id);
            Interlocked.Decrement(ref _outstanding);
            var input = _inputs[id];
            yield return Fails(input)
                ? new EndedRequest(id, "failed", null, "deployment failed")
                : new EndedRequest(id, "completed", input, null);
        }
    }

    public bool IsRejection(Exception exception, out string reason)
    {
        reason = exception.Message;
        return exception is InvalidDataException;
    }
}
