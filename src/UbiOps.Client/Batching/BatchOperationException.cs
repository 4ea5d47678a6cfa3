namespace UbiOps.Client;

/// <summary>
/// A batch operation split over several calls failed part-way: some items were handled, the rest
/// were not. The cause is the <see cref="Exception.InnerException"/>.
/// </summary>
public class BatchOperationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed.</param>
    /// <param name="completedIndices">Positions (in the caller's input) of the items handled.</param>
    /// <param name="notCompletedIndices">Positions of the items not (or not surely) handled.</param>
    /// <param name="innerException">The failure of the call that broke off the operation.</param>
    public BatchOperationException(string message, IReadOnlyList<int> completedIndices, IReadOnlyList<int> notCompletedIndices, Exception innerException)
        : base(message, innerException)
    {
        CompletedIndices = completedIndices;
        NotCompletedIndices = notCompletedIndices;
    }

    /// <summary>Positions, in the caller's input, of the items that were handled.</summary>
    public IReadOnlyList<int> CompletedIndices { get; }

    /// <summary>
    /// Positions, in the caller's input, of the items that were not handled: those of the failed
    /// call (which may or may not have reached the server) and of calls never made.
    /// </summary>
    public IReadOnlyList<int> NotCompletedIndices { get; }
}
