namespace UbiOps.Emulator;

/// <summary>
/// The database (<see cref="EmulatorOptions.DatabasePath"/>) is in use by another emulator, in this
/// process or another one: one database serves one emulator at a time.
/// </summary>
public sealed class DatabaseInUseException : IOException
{
    /// <summary>Creates the exception for a database.</summary>
    /// <param name="databasePath">The database file.</param>
    /// <param name="innerException">What the operating system reported, if anything.</param>
    public DatabaseInUseException(string databasePath, Exception? innerException = null)
        : base($"The emulator database '{databasePath}' is in use by another emulator.", innerException) =>
        DatabasePath = databasePath;

    /// <summary>The database file.</summary>
    public string DatabasePath { get; }
}
