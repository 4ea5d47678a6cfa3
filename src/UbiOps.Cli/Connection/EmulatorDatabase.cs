using UbiOps.Emulator;

namespace UbiOps.Cli.Connection;

/// <summary>
/// The embedded emulator's SQLite database: the one the commands other than <c>run</c> share (so
/// <c>create</c>, then <c>get</c>, <c>list</c>, <c>cancel</c> and <c>delete</c> see the same requests),
/// and deleting one.
/// </summary>
internal static class EmulatorDatabase
{
    /// <summary>Overrides where the shared database is (tests point it at a scratch file).</summary>
    public const string PathVariable = "UBIOPS_REQUESTS_EMULATOR_DB";

    /// <summary>
    /// <c>$UBIOPS_REQUESTS_EMULATOR_DB</c>, else <c>emulator.db</c> in the user's data directory:
    /// <c>$XDG_DATA_HOME/ubiops-requests</c> or <c>~/.local/share/ubiops-requests</c> (on Windows
    /// <c>%LOCALAPPDATA%\ubiops-requests</c>).
    /// </summary>
    public static string SharedPath(CliEnvironment environment)
    {
        if (environment.Variable(PathVariable) is { } overridden)
        {
            return environment.ResolvePath(overridden);
        }

        var data = environment.Variable("XDG_DATA_HOME")
            ?? (!OperatingSystem.IsWindows() && environment.Variable("HOME") is { } home ? Path.Combine(home, ".local", "share") : null)
            ?? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        return Path.Combine(data.Length > 0 ? data : Path.GetTempPath(), "ubiops-requests", "emulator.db");
    }

    /// <summary>Deletes the database with its journal and lock files; refused while an emulator uses it.</summary>
    /// <exception cref="DatabaseInUseException">A command is using it.</exception>
    public static void Delete(string path) => UbiOpsEmulator.DeleteDatabase(path);
}
