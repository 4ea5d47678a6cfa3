namespace UbiOps.Cli.Errors;

/// <summary>A mistake in how the command was called; reported in one line with exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
