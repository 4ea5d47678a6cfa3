namespace UbiOps.Client;

/// <summary>
/// A direct request's call lost its answer (a 5xx, a timeout, a dropped connection), and the
/// server's records could not tell whether it made the request: the input was not sent again.
/// <see cref="CandidateRequestIds"/> names the requests that hold the same input; the call's own
/// failure is the <see cref="Exception.InnerException"/>.
/// </summary>
public sealed class AmbiguousRequestException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="candidateRequestIds">The requests that hold the same input (may be empty).</param>
    /// <param name="innerException">The failure of the call whose answer was lost.</param>
    public AmbiguousRequestException(IReadOnlyList<string> candidateRequestIds, Exception innerException)
        : base(Describe(candidateRequestIds, innerException), innerException)
    {
        CandidateRequestIds = [.. candidateRequestIds];
    }

    /// <summary>The requests that hold the same input, one of which may be the one this call made.</summary>
    public IReadOnlyList<string> CandidateRequestIds { get; }

    private static string Describe(IReadOnlyList<string> candidates, Exception inner)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(inner);
        var which = candidates.Count == 0
            ? "no request holding its input was found, nor could its absence be proved"
            : $"requests holding the same input: {string.Join(", ", candidates)}";
        return $"A direct request lost its answer ({inner.Message}) and the server's records cannot tell whether it was made; {which}. It was not sent again.";
    }
}
