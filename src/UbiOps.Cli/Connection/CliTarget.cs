using UbiOps.Client;
using UbiOps.Emulator;

namespace UbiOps.Cli.Connection;

/// <summary>
/// The deployment a command talks to, and the embedded emulator when no host and token were given.
/// </summary>
internal sealed class CliTarget(DeploymentScope scope, string baseUrl, UbiOpsEmulator? emulator, string? emulatorDatabase = null) : IAsyncDisposable
{
    public DeploymentScope Scope { get; } = scope;

    /// <summary>The API base URL, for messages (never the token).</summary>
    public string BaseUrl { get; } = baseUrl;

    /// <summary>Whether the API is an emulator started by this process.</summary>
    public bool IsEmbeddedEmulator => emulator is not null;

    /// <summary>The embedded emulator's database file, for messages; null when the API is a server.</summary>
    public string? EmulatorDatabasePath { get; } = emulatorDatabase;

    /// <summary>Set when the embedded emulator's database is no longer needed once it stops.</summary>
    public bool DeleteEmulatorDatabase { get; set; }

    /// <summary>
    /// Names the deployment (and version) for state files. The embedded emulator's port changes from
    /// one start to the next, so it is named without it.
    /// </summary>
    public string Describe() => $"{(IsEmbeddedEmulator ? "embedded-emulator" : BaseUrl)}/projects/{Scope}";

    public async ValueTask DisposeAsync()
    {
        if (emulator is null)
        {
            return;
        }

        var database = emulator.DatabasePath;
        await emulator.DisposeAsync();
        if (DeleteEmulatorDatabase)
        {
            EmulatorDatabase.Delete(database);
        }
    }
}
