namespace UbiOps.Emulator.Storage;

/// <summary>
/// Keeps a database to one emulator at a time: an exclusive lock on <c>&lt;database&gt;.lock</c>, held
/// while the emulator runs. Two emulators on one database would each take the other's running
/// requests for interrupted ones after a restart; SQLite's own locking cannot tell. The operating
/// system releases the lock when the process dies, even by <c>kill -9</c>.
/// </summary>
internal sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _file;

    private DatabaseLock(FileStream file) => _file = file;

    public static string PathOf(string databasePath) => databasePath + ".lock";

    /// <exception cref="DatabaseInUseException">Another emulator holds the lock.</exception>
    public static DatabaseLock Acquire(string databasePath)
    {
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix, a sharing mode on Windows.
            return new DatabaseLock(new FileStream(PathOf(databasePath), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new DatabaseInUseException(databasePath, ex);
        }
    }

    public void Dispose() => _file.Dispose();
}
