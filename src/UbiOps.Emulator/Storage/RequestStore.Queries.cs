using Microsoft.Data.Sqlite;
using UbiOps.Emulator.Deployments;

namespace UbiOps.Emulator.Storage;

/// <summary>Reading requests: by id within a deployment version, many by id (collect), and list pages.</summary>
internal sealed partial class RequestStore
{
    private const string ScopeFilter = "project = @scope_project AND deployment = @scope_deployment AND version = @scope_version";

    // The same check for lookups by id. The unary '+' keeps SQLite from answering them through the
    // scope index, which it prefers to the id index for a list of ids and which then scans every
    // request of the deployment version: collect slowed from O(ids) to O(all requests).
    private const string ScopeCheck = "+project = @scope_project AND +deployment = @scope_deployment AND +version = @scope_version";

    /// <summary>The query that reads the requests whose ids are in the JSON list <c>@ids</c>, within one deployment version.</summary>
    internal const string SelectByIdsSql =
        $"SELECT {Columns} FROM requests WHERE id IN (SELECT value FROM json_each(@ids)) AND {ScopeCheck}";

    public Task<RequestRecord?> GetAsync(DeploymentTarget scope, string id, CancellationToken ct) => WithGate(ct, () =>
    {
        var command = _statements.Get($"SELECT {Columns} FROM requests WHERE id = @id AND {ScopeCheck}");
        command.Parameters.AddWithValue("@id", id);
        BindScope(command, scope);
        return ReadAll(command).FirstOrDefault();
    });

    public Task<IReadOnlyList<RequestRecord>> GetManyAsync(DeploymentTarget scope, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        WithGate(ct, () => SelectMany(scope, ids, transaction: null));

    public Task<IReadOnlyList<RequestRecord>> ListAsync(DeploymentTarget scope, ListQuery query, CancellationToken ct) => WithGate<IReadOnlyList<RequestRecord>>(ct, () =>
    {
        var where = new List<string> { ScopeFilter };
        var parameters = new List<(string, object)>();
        if (query.Statuses is { } statuses)
        {
            where.Add($"status IN ({string.Join(", ", statuses.Select((_, i) => $"@status{i}"))})");
            parameters.AddRange(statuses.Select((s, i) => ($"@status{i}", (object)s)));
        }

        if (query.Success is { } success)
        {
            where.Add(success ? $"status = '{Completed}'" : $"status IN ('{Failed}', '{Cancelled}')");
        }

        // The emulator has no pipelines and no request schedules: no request was made by one.
        if (query.Pipeline == true || query.RequestSchedule is not null)
        {
            where.Add("0");
        }

        if (query.StartDate is { } start)
        {
            where.Add("created_at >= @start");
            parameters.Add(("@start", start));
        }

        if (query.EndDate is { } end)
        {
            where.Add("created_at <= @end");
            parameters.Add(("@end", end));
        }

        if (!string.IsNullOrEmpty(query.SearchId))
        {
            where.Add("instr(id, @search) > 0");
            parameters.Add(("@search", query.SearchId));
        }

        var direction = query.Ascending ? "ASC" : "DESC";
        var command = _statements.Get($"SELECT {Columns} FROM requests WHERE {string.Join(" AND ", where)} " +
            $"ORDER BY created_at {direction}, seq {direction} LIMIT @limit OFFSET @offset");
        BindScope(command, scope);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        command.Parameters.AddWithValue("@limit", query.Limit);
        command.Parameters.AddWithValue("@offset", query.Offset);
        return ReadAll(command);
    });

    private IReadOnlyList<RequestRecord> SelectMany(DeploymentTarget scope, IReadOnlyCollection<string> ids, SqliteTransaction? transaction)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var command = _statements.Get(SelectByIdsSql, transaction);
        command.Parameters.AddWithValue("@ids", IdList(ids));
        BindScope(command, scope);
        return ReadAll(command);
    }
}
