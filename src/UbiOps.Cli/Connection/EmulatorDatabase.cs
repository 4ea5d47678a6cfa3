namespace UbiOps.Cli.Connection;

/// <summary>The files of an embedded emulator's SQLite database.</summary>
internal static class EmulatorDatabase
{
    /// <summary>Deletes the database with its journal files.</summary>
    public static void Delete(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            File.Delete(file);
        }
    }
}
