using Microsoft.Data.Sqlite;
using Newtonsoft.Json;
using UbiOps.Emulator.Storage;

namespace UbiOps.Emulator.Tests.Storage;

/// <summary>
/// Collect and batch delete read requests by id: SQLite must answer through the id index, not by
/// scanning every request of the deployment version (which made a million-request run crawl).
/// </summary>
public sealed class RequestStoreQueryPlanTests
{
    [TestCase(1)]
    [TestCase(250)]
    public void SelectByIdsSql_ManyRequestsInScope_SearchesTheIdIndex(int ids)
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using (var schema = connection.CreateCommand())
        {
            schema.CommandText = StoreSchema.Create;
            schema.ExecuteNonQuery();
        }

        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + RequestStore.SelectByIdsSql;
        explain.Parameters.AddWithValue("@scope_project", "demo");
        explain.Parameters.AddWithValue("@scope_deployment", "echo");
        explain.Parameters.AddWithValue("@scope_version", "v1");
        explain.Parameters.AddWithValue("@ids", JsonConvert.SerializeObject(Enumerable.Range(0, ids).Select(_ => Guid.NewGuid().ToString())));

        var plan = new List<string>();
        using (var reader = explain.ExecuteReader())
        {
            while (reader.Read())
            {
                plan.Add(reader.GetString(3));
            }
        }

        Assert.That(plan, Has.Some.EqualTo("SEARCH requests USING INDEX sqlite_autoindex_requests_1 (id=?)"));
        Assert.That(plan, Has.None.StartsWith("SCAN requests").And.None.Contains("requests_by_scope"));
    }
}
