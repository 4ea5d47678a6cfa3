namespace UbiOps.Client;

/// <summary>How far a wait has come, reported after every poll.</summary>
/// <param name="Total">How many requests are waited for.</param>
/// <param name="Completed">How many completed.</param>
/// <param name="Failed">How many failed.</param>
/// <param name="Cancelled">How many were cancelled.</param>
public sealed record WaitProgress(int Total, int Completed, int Failed, int Cancelled)
{
    /// <summary>How many finished: completed, failed or cancelled.</summary>
    public int Finished => Completed + Failed + Cancelled;

    /// <summary>How many did not finish yet.</summary>
    public int Pending => Total - Finished;
}
