namespace UbiOps.EmulatorBench;

/// <summary>The emulator's own processing window: first time_created to last time_completed, and how the requests ended.</summary>
internal sealed record Window(DateTimeOffset FirstCreated, DateTimeOffset LastCompleted, int Completed, int NotCompleted)
{
    public double Seconds => (LastCompleted - FirstCreated).TotalSeconds;

    public static Window Of(IReadOnlyCollection<RequestTimes> requests) => new(
        requests.Min(r => r.Created),
        requests.Max(r => r.Completed ?? r.Created),
        requests.Count(r => r.Status == UbiOps.Client.RequestStatus.Completed.Value),
        requests.Count(r => r.Status != UbiOps.Client.RequestStatus.Completed.Value));
}
