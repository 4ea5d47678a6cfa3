namespace UbiOps.Client;

/// <summary>
/// One input of a run at the position the caller numbers it: an input to submit, an input whose
/// request an earlier run already made (it is waited for, not submitted again), or an input that
/// could not even be read (its outcome is a <see cref="OutcomeKind.Rejected"/> in its place).
/// What a resumable runner over a file gives <see cref="DeploymentScope.RunAsync(IAsyncEnumerable{RunItem}, RunOptions?, CancellationToken)"/>.
/// </summary>
/// <param name="Index">The input's position among the run's inputs, counted by the caller (0 for the first); items come in increasing order.</param>
/// <param name="Input">The input to submit; <see langword="null"/> for a known request or an unreadable input.</param>
/// <param name="KnownRequestId">The request an earlier run made for this input, or <see langword="null"/>.</param>
/// <param name="Unreadable">Why the input could not be read, or <see langword="null"/>.</param>
public readonly record struct RunItem(long Index, RequestInput? Input, string? KnownRequestId = null, string? Unreadable = null)
{
    /// <summary>An input to submit.</summary>
    /// <param name="index">Its position.</param>
    /// <param name="input">The input.</param>
    /// <returns>The item.</returns>
    public static RunItem Submit(long index, RequestInput input) => new(index, input);

    /// <summary>An input whose request an earlier run made: it is waited for, not submitted again.</summary>
    /// <param name="index">Its position.</param>
    /// <param name="requestId">The request's id.</param>
    /// <returns>The item.</returns>
    public static RunItem Known(long index, string requestId) => new(index, null, KnownRequestId: requestId);

    /// <summary>An input that could not be read: its outcome is a rejection with this reason.</summary>
    /// <param name="index">Its position.</param>
    /// <param name="reason">Why it could not be read (say, the line number and the parse error).</param>
    /// <returns>The item.</returns>
    public static RunItem Invalid(long index, string reason) => new(index, null, Unreadable: reason);
}
