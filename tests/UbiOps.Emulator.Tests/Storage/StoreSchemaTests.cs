using Microsoft.Data.Sqlite;
using UbiOps.Emulator.Storage;
using UbiOps.Emulator.Tests.Support;

namespace UbiOps.Emulator.Tests.Storage;

/// <summary>A database written by an older emulator (before the run counts) still opens, and keeps its requests.</summary>
public sealed class StoreSchemaTests
{
    private const string OldSchema = """
        CREATE TABLE requests (
            seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, project TEXT NOT NULL, deployment TEXT NOT NULL,
            version TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, created_at INTEGER NOT NULL, started_at INTEGER,
            completed_at INTEGER, request_data TEXT NOT NULL, result TEXT, error_message TEXT, timeout INTEGER NOT NULL,
            notification_group TEXT, input_size INTEGER NOT NULL, output_size INTEGER, retries INTEGER NOT NULL DEFAULT 0,
            created_by TEXT NOT NULL);
        INSERT INTO requests (id, project, deployment, version, kind, status, created_at, started_at, completed_at, request_data,
            result, timeout, input_size, output_size, created_by)
        VALUES ('0190a1b2-0000-7000-8000-000000000001', 'demo', 'echo', 'v1', 'batch', 'completed', 1700000000000, 1700000000001,
            1700000000002, '{"a":1}', '{"a":1}', 14400, 7, 7, 'old');
        """;

    [Test]
    public async Task Open_DatabaseOfAnOlderEmulator_AddsTheRunCountsAndKeepsTheRequests()
    {
        var database = Path.Combine(Path.GetTempPath(), $"ubiops-emulator-tests-{Guid.NewGuid():N}.db");
        try
        {
            using (var old = new SqliteConnection($"Data Source={database};Pooling=False"))
            {
                old.Open();
                using var create = old.CreateCommand();
                create.CommandText = OldSchema;
                create.ExecuteNonQuery();
            }

            await using var emulator = await TestEmulator.StartAsync(o => o.DatabasePath = database);
            var kept = await TestEmulator.Client(emulator).Deployment_requests_getAsync("demo", "echo", "0190a1b2-0000-7000-8000-000000000001");
            var fresh = await TestEmulator.Client(emulator).Deployment_requests_createAsync(new Newtonsoft.Json.Linq.JObject { ["b"] = 2 }, "demo", "echo");

            Assert.Multiple(() =>
            {
                Assert.That((kept.Status, Json.Of(kept.Result).ToString(Newtonsoft.Json.Formatting.None)), Is.EqualTo((RequestStatus.Completed, """{"a":1}""")));
                Assert.That(emulator.ExecutionCount(kept.Id), Is.Zero, "it ran in an earlier session");
                Assert.That(emulator.ExecutionCount(fresh.Id), Is.EqualTo(1));
            });
        }
        finally
        {
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
