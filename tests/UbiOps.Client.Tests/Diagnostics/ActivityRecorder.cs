using System.Collections.Concurrent;
using System.Diagnostics;

namespace UbiOps.Client.Tests.Diagnostics;

/// <summary>Collects the client's finished activities whose path contains a marker unique to the test.</summary>
internal sealed class ActivityRecorder : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentQueue<Activity> _stopped = new();

    public ActivityRecorder(string pathMarker)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == UbiOpsDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.path") is string path && path.Contains(pathMarker, StringComparison.Ordinal))
                {
                    _stopped.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public IReadOnlyList<Activity> Stopped => [.. _stopped];

    public void Dispose() => _listener.Dispose();
}
