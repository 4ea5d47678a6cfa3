using UbiOps.Emulator;

// Compiled, never run: every async member of the emulator's public API takes the CancellationToken
// as its last, positional argument, in each of its overloads.
internal static class EmulatorPositionalTokens
{
    public static async Task StartEveryWayAsync(CancellationToken cancellationToken)
    {
        await using var defaults = await UbiOpsEmulator.StartAsync(cancellationToken);
        await using var configured = await UbiOpsEmulator.StartAsync(new EmulatorOptions(), cancellationToken);
    }
}
