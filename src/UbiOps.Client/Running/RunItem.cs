namespace UbiOps.Client;

/// <summary>
/// One input of a run, at its position: an input to submit, a request made for it earlier, or an
/// input that could not even be read (its outcome is a rejection, in its place in the order).
/// </summary>
internal readonly record struct RunItem(long Index, RequestInput? Input, string? KnownRequestId = null, string? Unreadable = null)
{
    public static RunItem Submit(long index, RequestInput input) => new(index, input);

    public static RunItem Known(long index, string requestId) => new(index, null, KnownRequestId: requestId);

    public static RunItem Invalid(long index, string reason) => new(index, null, Unreadable: reason);
}
