using Microsoft.Data.Sqlite;
using UbiOps.Emulator.Deployments;

namespace UbiOps.Emulator.Storage;

/// <summary>
/// The requests, kept in SQLite (WAL). Every change is committed before the API answers, so an answered
/// request survives the process being killed. One connection, used by one caller at a time: the
/// emulator's load is small and this rules out busy errors between writers.
/// </summary>
internal sealed class RequestStore : IDisposable
{
    private const string Columns =
        "id, project, deployment, version, kind, status, created_at, started_at, completed_at, request_data, result, " +
        "error_message, timeout, notification_group, input_size, output_size, retries, created_by";

    // The statuses as stored: the client's RequestStatus is their one home.
    private static readonly string Pending = RequestStatus.Pending.Value, Processing = RequestStatus.Processing.Value,
        Completed = RequestStatus.Completed.Value, Failed = RequestStatus.Failed.Value,
        Cancelled = RequestStatus.Cancelled.Value, CancelledPending = RequestStatus.CancelledPending.Value;

    private readonly SqliteConnection _connection;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private RequestStore(SqliteConnection connection) => _connection = connection;

    public static RequestStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        connection.Open();
        // WAL with synchronous=NORMAL: a committed transaction survives a crash of the process (only a
        // power loss could roll back the last commits).
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        Execute(connection, StoreSchema.Create);
        return new RequestStore(connection);
    }

    public Task InsertAsync(IReadOnlyList<RequestRecord> records, CancellationToken ct) => WithGate(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var record in records)
        {
            using var command = Command($"INSERT INTO requests ({Columns}) VALUES (@id, @project, @deployment, @version, @kind, @status, " +
                "@created_at, @started_at, @completed_at, @request_data, @result, @error_message, @timeout, @notification_group, " +
                "@input_size, @output_size, @retries, @created_by)", transaction);
            Bind(command, record);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
        return true;
    });

    public Task<RequestRecord?> GetAsync(DeploymentTarget scope, string id, CancellationToken ct) => WithGate(ct, () =>
    {
        using var command = Command($"SELECT {Columns} FROM requests WHERE id = @id AND {ScopeCheck}");
        command.Parameters.AddWithValue("@id", id);
        BindScope(command, scope);
        return ReadAll(command).FirstOrDefault();
    });

    public Task<IReadOnlyList<RequestRecord>> GetManyAsync(DeploymentTarget scope, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        WithGate(ct, () => SelectMany(scope, ids, transaction: null));

    public Task<IReadOnlyList<RequestRecord>> ListAsync(DeploymentTarget scope, ListQuery query, CancellationToken ct) => WithGate<IReadOnlyList<RequestRecord>>(ct, () =>
    {
        var where = new List<string> { ScopeFilter };
        using var command = Command("");
        BindScope(command, scope);
        if (query.Status is not null)
        {
            where.Add("status = @status");
            command.Parameters.AddWithValue("@status", query.Status);
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
            command.Parameters.AddWithValue("@start", start);
        }

        if (query.EndDate is { } end)
        {
            where.Add("created_at <= @end");
            command.Parameters.AddWithValue("@end", end);
        }

        if (!string.IsNullOrEmpty(query.SearchId))
        {
            where.Add("instr(id, @search) > 0");
            command.Parameters.AddWithValue("@search", query.SearchId);
        }

        var direction = query.Ascending ? "ASC" : "DESC";
        command.CommandText = $"SELECT {Columns} FROM requests WHERE {string.Join(" AND ", where)} " +
            $"ORDER BY created_at {direction}, seq {direction} LIMIT @limit OFFSET @offset";
        command.Parameters.AddWithValue("@limit", query.Limit);
        command.Parameters.AddWithValue("@offset", query.Offset);
        return ReadAll(command);
    });

    /// <summary>Moves a pending request to processing; false when it is no longer pending (cancelled or deleted).</summary>
    public Task<bool> TryStartAsync(string id, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        using var command = Command($"UPDATE requests SET status = '{Processing}', started_at = @now WHERE id = @id AND status = '{Pending}'");
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@now", now);
        return command.ExecuteNonQuery() == 1;
    });

    public Task<RequestRecord?> GetByIdAsync(string id, CancellationToken ct) => WithGate(ct, () =>
    {
        using var command = Command($"SELECT {Columns} FROM requests WHERE id = @id");
        command.Parameters.AddWithValue("@id", id);
        return ReadAll(command).FirstOrDefault();
    });

    /// <summary>
    /// Records how a run ended. A request whose cancellation was asked for ends cancelled whatever the
    /// run produced. Nothing happens when the request was deleted meanwhile.
    /// </summary>
    public Task<RequestRecord?> FinishAsync(string id, ExecutionOutcome outcome, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        using var command = Command(
            "UPDATE requests SET " +
            $"result = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @result END, " +
            $"error_message = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @error END, " +
            $"output_size = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @output_size END, " +
            $"status = CASE WHEN status = '{CancelledPending}' THEN '{Cancelled}' ELSE @status END, " +
            $"completed_at = @now WHERE id = @id AND status IN ('{Processing}', '{CancelledPending}')", transaction);
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@status", outcome.Status.Value);
        command.Parameters.AddWithValue("@result", (object?)outcome.Result ?? DBNull.Value);
        command.Parameters.AddWithValue("@error", (object?)outcome.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("@output_size", (object?)outcome.OutputSize ?? DBNull.Value);
        command.Parameters.AddWithValue("@now", now);
        command.ExecuteNonQuery();
        using var select = Command($"SELECT {Columns} FROM requests WHERE id = @id", transaction);
        select.Parameters.AddWithValue("@id", id);
        var record = ReadAll(select).FirstOrDefault();
        transaction.Commit();
        return record;
    });

    /// <summary>
    /// Queues a processing request again after its run was lost (its Python worker died), as a restart
    /// does: pending, with one more retry. One whose cancellation was asked for meanwhile ends cancelled.
    /// Returns the record after, or null when it was deleted meanwhile.
    /// </summary>
    public Task<RequestRecord?> RequeueAsync(string id, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        using (var requeue = Command($"UPDATE requests SET status = '{Pending}', started_at = NULL, retries = retries + 1 " +
                   $"WHERE id = @id AND status = '{Processing}'", transaction))
        {
            requeue.Parameters.AddWithValue("@id", id);
            requeue.ExecuteNonQuery();
        }

        using (var cancelled = Command($"UPDATE requests SET status = '{Cancelled}', completed_at = @now WHERE id = @id AND status = '{CancelledPending}'", transaction))
        {
            cancelled.Parameters.AddWithValue("@id", id);
            cancelled.Parameters.AddWithValue("@now", now);
            cancelled.ExecuteNonQuery();
        }

        using var select = Command($"SELECT {Columns} FROM requests WHERE id = @id", transaction);
        select.Parameters.AddWithValue("@id", id);
        var record = ReadAll(select).FirstOrDefault();
        transaction.Commit();
        return record;
    });

    /// <summary>
    /// Asks for a request to be cancelled: pending becomes cancelled at once, processing becomes
    /// cancelled_pending (the run then ends it as cancelled). Returns the status before and the record
    /// after, or null when there is no such request.
    /// </summary>
    public Task<(RequestStatus Before, RequestRecord After)?> CancelAsync(DeploymentTarget scope, string id, long now, CancellationToken ct) =>
        WithGate<(RequestStatus, RequestRecord)?>(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            using var select = Command($"SELECT {Columns} FROM requests WHERE id = @id AND {ScopeCheck}", transaction);
            select.Parameters.AddWithValue("@id", id);
            BindScope(select, scope);
            var before = ReadAll(select).FirstOrDefault();
            if (before is null)
            {
                return null;
            }

            var after = before.Status == RequestStatus.Pending ? before with { Status = RequestStatus.Cancelled, CompletedAt = now }
                : before.Status == RequestStatus.Processing ? before with { Status = RequestStatus.CancelledPending }
                : before;
            if (!ReferenceEquals(after, before))
            {
                using var update = Command("UPDATE requests SET status = @status, completed_at = @completed WHERE id = @id", transaction);
                update.Parameters.AddWithValue("@id", id);
                update.Parameters.AddWithValue("@status", after.Status.Value);
                update.Parameters.AddWithValue("@completed", (object?)after.CompletedAt ?? DBNull.Value);
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return (before.Status, after);
        });

    /// <summary>Deletes all the given requests, or none: returns the ids not found (then nothing was deleted).</summary>
    public Task<IReadOnlyList<string>> DeleteAllOrNothingAsync(DeploymentTarget scope, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        WithGate<IReadOnlyList<string>>(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            var found = SelectMany(scope, ids, transaction).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var missing = ids.Where(id => !found.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                return missing;
            }

            using var delete = Command($"DELETE FROM requests WHERE id IN ({Placeholders(ids.Count)})", transaction);
            BindIds(delete, ids);
            delete.ExecuteNonQuery();
            transaction.Commit();
            return missing;
        });

    /// <summary>
    /// Prepares the store after a (re)start: batch requests that were processing go back to pending
    /// (with one more retry) and run again; direct requests that were processing fail, since their
    /// caller's connection is gone. Returns the pending batch requests, oldest first.
    /// </summary>
    public Task<IReadOnlyList<string>> RecoverAsync(long now, CancellationToken ct) => WithGate<IReadOnlyList<string>>(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        using (var requeue = Command($"UPDATE requests SET status = '{Pending}', started_at = NULL, retries = retries + 1 " +
                   $"WHERE kind = 'batch' AND status = '{Processing}'", transaction))
        {
            requeue.ExecuteNonQuery();
        }

        // A cancellation that was under way when the emulator stopped is complete: nothing runs any more.
        using (var cancelled = Command($"UPDATE requests SET status = '{Cancelled}', completed_at = @now WHERE status = '{CancelledPending}'", transaction))
        {
            cancelled.Parameters.AddWithValue("@now", now);
            cancelled.ExecuteNonQuery();
        }

        using (var interrupted = Command($"UPDATE requests SET status = '{Failed}', completed_at = @now, " +
                   $"error_message = 'The emulator stopped while this direct request was running.' WHERE kind = 'direct' AND status = '{Processing}'", transaction))
        {
            interrupted.Parameters.AddWithValue("@now", now);
            interrupted.ExecuteNonQuery();
        }

        using var pending = Command($"SELECT id FROM requests WHERE status = '{Pending}' ORDER BY created_at, seq", transaction);
        var ids = new List<string>();
        using (var reader = pending.ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        transaction.Commit();
        return ids;
    });

    public void Dispose()
    {
        _gate.Wait();
        _connection.Dispose();
        _gate.Dispose();
    }

    private const string ScopeFilter = "project = @scope_project AND deployment = @scope_deployment AND version = @scope_version";

    // The same check for lookups by id. The unary '+' keeps SQLite from answering them through the
    // scope index, which it prefers to the id index for a list of ids and which then scans every
    // request of the deployment version: collect slowed from O(ids) to O(all requests).
    private const string ScopeCheck = "+project = @scope_project AND +deployment = @scope_deployment AND +version = @scope_version";

    /// <summary>The query that reads the given number of requests by id within one deployment version.</summary>
    internal static string SelectByIdsSql(int count) =>
        $"SELECT {Columns} FROM requests WHERE id IN ({Placeholders(count)}) AND {ScopeCheck}";

    private IReadOnlyList<RequestRecord> SelectMany(DeploymentTarget scope, IReadOnlyCollection<string> ids, SqliteTransaction? transaction)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        using var command = Command(SelectByIdsSql(ids.Count), transaction);
        BindScope(command, scope);
        BindIds(command, ids);
        return ReadAll(command);
    }

    private async Task<T> WithGate<T>(CancellationToken ct, Func<T> action)
    {
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Placeholders(int count) => string.Join(", ", Enumerable.Range(0, count).Select(i => $"@id{i}"));

    private static void BindIds(SqliteCommand command, IReadOnlyCollection<string> ids)
    {
        var i = 0;
        foreach (var id in ids)
        {
            command.Parameters.AddWithValue($"@id{i++}", id);
        }
    }

    private static void BindScope(SqliteCommand command, DeploymentTarget scope)
    {
        command.Parameters.AddWithValue("@scope_project", scope.Project);
        command.Parameters.AddWithValue("@scope_deployment", scope.DeploymentName);
        command.Parameters.AddWithValue("@scope_version", scope.Version);
    }

    private static void Bind(SqliteCommand command, RequestRecord record)
    {
        command.Parameters.AddWithValue("@id", record.Id);
        command.Parameters.AddWithValue("@project", record.Project);
        command.Parameters.AddWithValue("@deployment", record.Deployment);
        command.Parameters.AddWithValue("@version", record.Version);
        command.Parameters.AddWithValue("@kind", record.Kind == RequestMode.Direct ? "direct" : "batch");
        command.Parameters.AddWithValue("@status", record.Status.Value);
        command.Parameters.AddWithValue("@created_at", record.CreatedAt);
        command.Parameters.AddWithValue("@started_at", (object?)record.StartedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("@completed_at", (object?)record.CompletedAt ?? DBNull.Value);
        command.Parameters.AddWithValue("@request_data", record.RequestData);
        command.Parameters.AddWithValue("@result", (object?)record.Result ?? DBNull.Value);
        command.Parameters.AddWithValue("@error_message", (object?)record.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("@timeout", record.Timeout);
        command.Parameters.AddWithValue("@notification_group", (object?)record.NotificationGroup ?? DBNull.Value);
        command.Parameters.AddWithValue("@input_size", record.InputSize);
        command.Parameters.AddWithValue("@output_size", (object?)record.OutputSize ?? DBNull.Value);
        command.Parameters.AddWithValue("@retries", record.Retries);
        command.Parameters.AddWithValue("@created_by", record.CreatedBy);
    }

    private static List<RequestRecord> ReadAll(SqliteCommand command)
    {
        var records = new List<RequestRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(new RequestRecord
            {
                Id = reader.GetString(0),
                Project = reader.GetString(1),
                Deployment = reader.GetString(2),
                Version = reader.GetString(3),
                Kind = reader.GetString(4) == "direct" ? RequestMode.Direct : RequestMode.Batch,
                Status = new RequestStatus(reader.GetString(5)),
                CreatedAt = reader.GetInt64(6),
                StartedAt = reader.IsDBNull(7) ? null : reader.GetInt64(7),
                CompletedAt = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                RequestData = reader.GetString(9),
                Result = reader.IsDBNull(10) ? null : reader.GetString(10),
                ErrorMessage = reader.IsDBNull(11) ? null : reader.GetString(11),
                Timeout = reader.GetInt32(12),
                NotificationGroup = reader.IsDBNull(13) ? null : reader.GetString(13),
                InputSize = reader.GetInt64(14),
                OutputSize = reader.IsDBNull(15) ? null : reader.GetInt64(15),
                Retries = reader.GetInt32(16),
                CreatedBy = reader.GetString(17),
            });
        }

        return records;
    }
}
