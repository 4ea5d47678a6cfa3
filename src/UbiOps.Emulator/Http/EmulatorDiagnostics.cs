namespace UbiOps.Emulator.Http;

/// <summary>Counts answers that should never happen (unexpected 500s), so tests can assert there were none.</summary>
internal sealed class EmulatorDiagnostics
{
    private int _unexpectedErrors;

    public int UnexpectedErrors => Volatile.Read(ref _unexpectedErrors);

    public void RecordUnexpectedError() => Interlocked.Increment(ref _unexpectedErrors);
}
