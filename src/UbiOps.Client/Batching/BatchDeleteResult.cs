namespace UbiOps.Client;

/// <summary>What a batch delete did: which ids it deleted, and which the server did not know.</summary>
/// <param name="Deleted">The ids this call deleted, in the caller's order (each once).</param>
/// <param name="NotFound">
/// The ids the server did not know: deleted before (perhaps by an earlier attempt of this very
/// call whose answer was lost) or never made. Either way they are gone.
/// </param>
public sealed record BatchDeleteResult(IReadOnlyList<string> Deleted, IReadOnlyList<string> NotFound);
