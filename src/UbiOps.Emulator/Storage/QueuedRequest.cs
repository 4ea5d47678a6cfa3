namespace UbiOps.Emulator.Storage;

/// <summary>A batch request waiting for its turn: its id, and its deployment (which decides how it runs).</summary>
internal readonly record struct QueuedRequest(string Id, string Deployment);
