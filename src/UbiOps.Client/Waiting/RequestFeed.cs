namespace UbiOps.Client;

/// <summary>
/// The requests a wait is for, which may still be arriving: a run adds each batch's ids as the
/// batch is accepted, so polling starts before the last input is submitted.
/// </summary>
internal sealed class RequestFeed(int expectedTotal)
{
    private readonly object _gate = new();
    private readonly List<(int Position, string Id)> _added = [];
    private TaskCompletionSource _changed = NewSignal();
    private bool _completed;
    private Exception? _failure;

    /// <summary>How many requests the wait is for in all, for progress reports.</summary>
    public int ExpectedTotal => expectedTotal;

    /// <summary>A feed that holds all its requests from the start (a repeated id is waited for once).</summary>
    public static RequestFeed Of(IReadOnlyList<string> ids)
    {
        var unique = ids.Distinct(StringComparer.Ordinal).ToArray();
        var feed = new RequestFeed(unique.Length);
        feed.Add(0, unique);
        feed.Complete();
        return feed;
    }

    /// <summary>Adds requests whose positions start at <paramref name="firstPosition"/>.</summary>
    public void Add(int firstPosition, IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                _added.Add((firstPosition + i, ids[i]));
            }

            Signal();
        }
    }

    /// <summary>No more requests will come; <paramref name="failure"/> is why, when they stopped early.</summary>
    public void Complete(Exception? failure = null)
    {
        lock (_gate)
        {
            _completed = true;
            _failure = failure;
            Signal();
        }
    }

    /// <summary>The requests added since the last take, and whether the feed is complete.</summary>
    public (IReadOnlyList<(int Position, string Id)> Added, bool Completed, Exception? Failure, Task Changed) Take()
    {
        lock (_gate)
        {
            var added = _added.ToArray();
            _added.Clear();
            return (added, _completed, _failure, _changed.Task);
        }
    }

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
