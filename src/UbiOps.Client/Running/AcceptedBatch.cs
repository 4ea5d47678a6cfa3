namespace UbiOps.Client;

/// <summary>A batch the server accepted: each input's position and the id of the request made for it.</summary>
/// <param name="Requests">The inputs and their request ids, in input order.</param>
public sealed record AcceptedBatch(IReadOnlyList<SubmittedRequest> Requests);
