namespace UbiOps.Emulator.Packages;

/// <summary>
/// The Python worker running a request exited before it answered (a crash, <c>os._exit</c>, a kill
/// from outside). Not the package's own error: a batch request is run again, a direct one fails.
/// </summary>
internal sealed class WorkerLostException(string message) : Exception(message);
