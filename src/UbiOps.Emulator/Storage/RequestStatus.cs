namespace UbiOps.Emulator.Storage;

/// <summary>The statuses a request goes through, as the API spells them.</summary>
internal static class RequestStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string CancelledPending = "cancelled_pending";

    public static readonly IReadOnlyList<string> All = [Pending, Processing, Completed, Failed, Cancelled, CancelledPending];

    /// <summary>The deprecated <c>success</c> field: known only once the request has finished.</summary>
    public static bool? Success(string status) => status switch
    {
        Completed => true,
        Failed or Cancelled => false,
        _ => null,
    };
}
