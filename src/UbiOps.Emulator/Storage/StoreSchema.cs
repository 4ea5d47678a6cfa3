namespace UbiOps.Emulator.Storage;

/// <summary>The SQLite schema of the request store.</summary>
internal static class StoreSchema
{
    // seq keeps the insertion order for requests created in the same millisecond (one batch).
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
            created_by TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS requests_by_scope ON requests (project, deployment, version, created_at);
        CREATE INDEX IF NOT EXISTS requests_by_status ON requests (status);
        """;
}
