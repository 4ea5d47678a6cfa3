namespace UbiOps.Emulator.Storage;

/// <summary>Changes a client asks for: creating, cancelling and deleting requests.</summary>
internal sealed partial class RequestStore
{
    private const string InsertSql =
        $"INSERT INTO requests ({Columns}, runs, run_session) VALUES (@id, @project, @deployment, @version, @kind, @status, " +
        "@created_at, @started_at, @completed_at, @request_data, @result, @error_message, @timeout, @notification_group, " +
        "@input_size, @output_size, @retries, @created_by, @priority, @runs, @session)";

    /// <summary>
    /// Stores new requests in one transaction (a batch call is all or nothing). A request stored as
    /// started (a direct request: processing, or already finished) counts as one run of its code.
    /// </summary>
    public Task InsertAsync(IReadOnlyList<RequestRecord> records, CancellationToken ct) => WithGate(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        var started = 0;
        foreach (var record in records)
        {
            var command = _statements.Get(InsertSql, transaction);
            Bind(command, record);
            var runs = record.StartedAt is null ? 0 : 1;
            command.Parameters.AddWithValue("@runs", runs);
            command.Parameters.AddWithValue("@session", runs == 0 ? DBNull.Value : _session);
            command.ExecuteNonQuery();
            started += runs;
        }

        transaction.Commit();
        AddRuns(started);
        return true;
    });

    /// <summary>
    /// Asks for a request to be cancelled: pending becomes cancelled at once, processing becomes
    /// cancelled_pending (the run then ends it as cancelled). Returns the status before and the record
    /// after, or null when there is no such request.
    /// </summary>
    public Task<(RequestStatus Before, RequestRecord After)?> CancelAsync(Deployments.DeploymentTarget scope, string id, long now, CancellationToken ct) =>
        WithGate<(RequestStatus, RequestRecord)?>(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            var select = _statements.Get($"SELECT {Columns} FROM requests WHERE id = @id AND {ScopeCheck}", transaction);
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
                var update = _statements.Get("UPDATE requests SET status = @status, completed_at = @completed WHERE id = @id", transaction);
                update.Parameters.AddWithValue("@id", id);
                update.Parameters.AddWithValue("@status", after.Status.Value);
                update.Parameters.AddWithValue("@completed", (object?)after.CompletedAt ?? DBNull.Value);
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            return (before.Status, after);
        });

    /// <summary>
    /// Cancels many requests in one transaction, as a cancel does each: pending ones become cancelled,
    /// processing ones cancelled_pending, others stay as they are. <paramref name="ids"/> picks them,
    /// all or nothing (the ids not found are returned, and nothing changed); or, when it is null,
    /// every request of the scope with <paramref name="status"/>.
    /// </summary>
    /// <returns>The ids not found, and the ids that became cancelled_pending (whose runs must stop).</returns>
    public Task<(IReadOnlyList<string> Missing, IReadOnlyList<string> Stopping, int Cancelled)> CancelManyAsync(
        Deployments.DeploymentTarget scope, IReadOnlyCollection<string>? ids, RequestStatus? status, long now, CancellationToken ct) =>
        WithGate<(IReadOnlyList<string>, IReadOnlyList<string>, int)>(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            string pick;
            if (ids is not null)
            {
                var found = SelectMany(scope, ids, transaction).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
                var missing = ids.Where(id => !found.Contains(id)).ToList();
                if (missing.Count > 0)
                {
                    return (missing, [], 0);
                }

                pick = $"id IN (SELECT value FROM json_each(@ids)) AND {ScopeCheck}";
            }
            else
            {
                pick = $"{ScopeFilter} AND status = @status";
            }

            var cancelled = _statements.Get(
                $"UPDATE requests SET status = '{Cancelled}', completed_at = @now WHERE {pick} AND status = '{Pending}' RETURNING id", transaction);
            var stopping = _statements.Get(
                $"UPDATE requests SET status = '{CancelledPending}' WHERE {pick} AND status = '{Processing}' RETURNING id", transaction);
            foreach (var command in new[] { cancelled, stopping })
            {
                BindScope(command, scope);
                command.Parameters.AddWithValue("@now", now);
                command.Parameters.AddWithValue("@ids", ids is null ? "[]" : IdList(ids));
                command.Parameters.AddWithValue("@status", status?.Value ?? string.Empty);
            }

            var ended = ReadIds(cancelled);
            var stopped = ReadIds(stopping);
            transaction.Commit();
            return ([], stopped, ended.Count + stopped.Count);
        });

    private static List<string> ReadIds(Microsoft.Data.Sqlite.SqliteCommand command)
    {
        var ids = new List<string>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    /// <summary>Deletes all the given requests, or none: returns the ids not found (then nothing was deleted).</summary>
    public Task<IReadOnlyList<string>> DeleteAllOrNothingAsync(Deployments.DeploymentTarget scope, IReadOnlyCollection<string> ids, CancellationToken ct) =>
        WithGate<IReadOnlyList<string>>(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            var found = SelectMany(scope, ids, transaction).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var missing = ids.Where(id => !found.Contains(id)).ToList();
            if (missing.Count > 0)
            {
                return missing;
            }

            var delete = _statements.Get("DELETE FROM requests WHERE id IN (SELECT value FROM json_each(@ids))", transaction);
            delete.Parameters.AddWithValue("@ids", IdList(ids));
            delete.ExecuteNonQuery();
            transaction.Commit();
            return missing;
        });
}
