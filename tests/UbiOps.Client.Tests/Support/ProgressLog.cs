namespace UbiOps.Client.Tests.Support;

/// <summary>An IProgress that keeps every report, synchronously (Progress&lt;T&gt; posts them later).</summary>
internal sealed class ProgressLog<T> : IProgress<T>
{
    private readonly List<T> _reports = [];

    public IReadOnlyList<T> Reports
    {
        get
        {
            lock (_reports)
            {
                return _reports.ToArray();
            }
        }
    }

    public void Report(T value)
    {
        lock (_reports)
        {
            _reports.Add(value);
        }
    }
}
