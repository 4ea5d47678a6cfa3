namespace UbiOps.Emulator.Execution;

/// <summary>A request failed inside the emulated deployment; the message becomes the request's error message.</summary>
internal sealed class DeploymentFailure(string message) : Exception(message);
