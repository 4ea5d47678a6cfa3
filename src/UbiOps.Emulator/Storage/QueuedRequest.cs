namespace UbiOps.Emulator.Storage;

/// <summary>A batch request waiting for its turn: its id, its deployment (which decides how it runs) and its priority.</summary>
internal readonly record struct QueuedRequest(string Id, string Deployment, RequestPriority Priority);
