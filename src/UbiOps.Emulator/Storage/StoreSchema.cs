using Microsoft.Data.Sqlite;

namespace UbiOps.Emulator.Storage;

/// <summary>The SQLite schema of the request store, and its upgrade from older databases.</summary>
internal static class StoreSchema
{
    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c>).</summary>
    private const int Version = 2;

    // seq keeps the insertion order for requests created in the same millisecond (one batch).
    // runs/run_session count the starts of a request's code in one emulator session (UbiOpsEmulator.ExecutionCount):
    // kept here rather than in memory, so a million requests cost no memory.
    public const string Create = """
        CREATE TABLE IF NOT EXISTS requests (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            project TEXT NOT NULL,
            deployment TEXT NOT NULL,
            version TEXT NOT NULL,
            kind TEXT NOT NULL,
            status TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            started_at INTEGER,
            completed_at INTEGER,
            request_data TEXT NOT NULL,
            result TEXT,
            error_message TEXT,
            timeout INTEGER NOT NULL,
            notification_group TEXT,
            input_size INTEGER NOT NULL,
            output_size INTEGER,
            retries INTEGER NOT NULL DEFAULT 0,
            created_by TEXT NOT NULL,
            priority INTEGER NOT NULL DEFAULT 1,
            runs INTEGER NOT NULL DEFAULT 0,
            run_session INTEGER
        );
        CREATE INDEX IF NOT EXISTS requests_by_scope ON requests (project, deployment, version, created_at);
        CREATE INDEX IF NOT EXISTS requests_by_status ON requests (status);
        """;

    /// <summary>Creates the tables, or brings a database written by an older emulator up to date.</summary>
    public static void Apply(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Create;
        command.ExecuteNonQuery();
        command.CommandText = "PRAGMA user_version";
        if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) >= Version)
        {
            return;
        }

        command.CommandText = "SELECT count(*) FROM pragma_table_info('requests') WHERE name = 'runs'";
        if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE requests ADD COLUMN runs INTEGER NOT NULL DEFAULT 0; ALTER TABLE requests ADD COLUMN run_session INTEGER;";
            command.ExecuteNonQuery();
        }

        // Version 2: the priority of requests (0 high, 1 standard); older requests are standard.
        command.CommandText = "SELECT count(*) FROM pragma_table_info('requests') WHERE name = 'priority'";
        if (Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            command.CommandText = "ALTER TABLE requests ADD COLUMN priority INTEGER NOT NULL DEFAULT 1;";
            command.ExecuteNonQuery();
        }

        command.CommandText = $"PRAGMA user_version = {Version}";
        command.ExecuteNonQuery();
    }
}
