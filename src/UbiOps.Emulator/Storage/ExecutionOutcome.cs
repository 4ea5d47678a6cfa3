namespace UbiOps.Emulator.Storage;

/// <summary>How a run of a request ended.</summary>
/// <param name="Status">Completed, failed or cancelled.</param>
/// <param name="Result">The result as JSON text, when completed.</param>
/// <param name="ErrorMessage">Why it failed, when failed.</param>
/// <param name="OutputSize">The size of the result in bytes, when completed.</param>
internal sealed record ExecutionOutcome(RequestStatus Status, string? Result, string? ErrorMessage, long? OutputSize);
