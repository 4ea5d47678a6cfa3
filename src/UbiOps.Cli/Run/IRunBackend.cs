using Newtonsoft.Json.Linq;

namespace UbiOps.Cli.Run;

/// <summary>
/// What a run needs from the API: submit a batch, and wait for requests to end. The run's
/// streaming, ordering and resuming are written against this, not against HTTP.
/// </summary>
internal interface IRunBackend
{
    /// <summary>Submits one batch (at most 250 inputs); answers the request ids in input order.</summary>
    Task<IReadOnlyList<string>> SubmitAsync(IReadOnlyList<JToken> inputs, CancellationToken cancellationToken);

    /// <summary>Yields each request once it has ended, in the order they end.</summary>
    IAsyncEnumerable<EndedRequest> WaitAsync(IReadOnlyList<string> requestIds, CancellationToken cancellationToken);

    /// <summary>Whether an exception from <see cref="SubmitAsync"/> means the server refused these inputs (not the call).</summary>
    bool IsRejection(Exception exception, out string reason);
}

/// <summary>A request that has ended: its status, and its result or error text.</summary>
internal sealed record EndedRequest(string RequestId, string Status, JToken? Result, string? Error);
