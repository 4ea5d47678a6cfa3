namespace UbiOps.Client;

/// <summary>
/// Runs one call per chunk of at most <see cref="RequestLimits.MaxItemsPerCall"/> items, a bounded
/// number at a time, and records which chunks succeeded.
/// </summary>
/// <remarks>
/// After a failure no new chunk starts, but calls already in flight are let finish rather than
/// cancelled: a cancelled create may still have been accepted, and the caller must be told exactly
/// what was submitted.
/// </remarks>
internal static class ChunkRunner
{
    public static IReadOnlyList<ArraySegment<T>> Split<T>(T[] items, int size = RequestLimits.MaxItemsPerCall)
    {
        var chunks = new List<ArraySegment<T>>((items.Length + size - 1) / size);
        for (var start = 0; start < items.Length; start += size)
        {
            chunks.Add(new ArraySegment<T>(items, start, Math.Min(size, items.Length - start)));
        }

        return chunks;
    }

    public static async Task<ChunkResults<TResult>> RunAsync<TItem, TResult>(
        IReadOnlyList<ArraySegment<TItem>> chunks,
        int maxConcurrency,
        Func<ArraySegment<TItem>, CancellationToken, Task<TResult>> call,
        CancellationToken ct)
    {
        var results = new ChunkResults<TResult>(chunks.Count);
        var next = -1;

        async Task WorkAsync()
        {
            int index;
            while (!results.HasFailed && !ct.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < chunks.Count)
            {
                try
                {
                    results.Succeed(index, await call(chunks[index], ct).ConfigureAwait(false));
                }
                catch (Exception e)
                {
                    results.Fail(e);
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Min(maxConcurrency, chunks.Count)).Select(_ => Task.Run(WorkAsync, CancellationToken.None));
        await Task.WhenAll(workers).ConfigureAwait(false);
        if (!results.HasFailed && ct.IsCancellationRequested && !results.AllSucceeded)
        {
            results.Fail(new OperationCanceledException(ct));
        }

        return results;
    }
}

/// <summary>What came of each chunk: a result for those that succeeded, and the first failure.</summary>
internal sealed class ChunkResults<TResult>(int count)
{
    private readonly TResult[] _results = new TResult[count];
    private readonly bool[] _succeeded = new bool[count];
    private Exception? _failure;

    public int Count => count;

    public bool HasFailed => Volatile.Read(ref _failure) is not null;

    public Exception? Failure => Volatile.Read(ref _failure);

    public bool AllSucceeded => _succeeded.All(s => s);

    public bool Succeeded(int index) => _succeeded[index];

    public TResult this[int index] => _results[index];

    public void Succeed(int index, TResult result)
    {
        _results[index] = result;
        _succeeded[index] = true;
    }

    public void Fail(Exception failure) => Interlocked.CompareExchange(ref _failure, failure, null);

    /// <summary>Throws the failure as it was thrown, when there is one.</summary>
    public void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
