using System.Diagnostics;
using UbiOps.Emulator;

namespace UbiOps.Cli.Connection;

/// <summary>
/// Starts the embedded emulator on a database. One emulator uses a database at a time, so a command
/// started while another one uses the same database waits for it (up to
/// <see cref="CliEnvironment.EmulatorLockTimeout"/>), saying so once, then gives up with
/// <see cref="DatabaseInUseException"/>.
/// </summary>
internal static class EmbeddedEmulator
{
    private static readonly TimeSpan RetryPause = TimeSpan.FromMilliseconds(200);

    public static async Task<UbiOpsEmulator> StartAsync(string? database, CliEnvironment environment, CancellationToken cancellationToken)
    {
        if (database is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(database))!);
        }

        var waited = Stopwatch.StartNew();
        var told = false;
        while (true)
        {
            try
            {
                return await UbiOpsEmulator.StartAsync(new EmulatorOptions { DatabasePath = database }, cancellationToken);
            }
            catch (DatabaseInUseException) when (waited.Elapsed < environment.EmulatorLockTimeout)
            {
                if (!told)
                {
                    environment.Error.WriteLine(
                        $"waiting: the embedded emulator's database at {database} is in use by another ubiops-requests command.");
                    told = true;
                }

                await Task.Delay(RetryPause, cancellationToken);
            }
        }
    }
}
