namespace UbiOps.Emulator.Storage;

/// <summary>Running requests: starting, finishing, queueing again, recovering after a restart.</summary>
internal sealed partial class RequestStore
{
    /// <summary>Moves a pending request to processing and answers it; null when it is no longer pending (cancelled or deleted).</summary>
    public Task<RequestRecord?> TryStartAsync(string id, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        var command = _statements.Get(
            $"UPDATE requests SET status = '{Processing}', started_at = @now, {CountRun} WHERE id = @id AND status = '{Pending}' RETURNING {Columns}");
        command.Parameters.AddWithValue("@id", id);
        command.Parameters.AddWithValue("@now", now);
        command.Parameters.AddWithValue("@session", _session);
        var record = ReadAll(command).FirstOrDefault();
        AddRuns(record is null ? 0 : 1);
        return record;
    });

    /// <summary>
    /// Records how a run ended. A request whose cancellation was asked for ends cancelled whatever the
    /// run produced. Nothing happens when the request was deleted meanwhile (null).
    /// </summary>
    public Task<RequestRecord?> FinishAsync(string id, ExecutionOutcome outcome, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        var command = _statements.Get(
            "UPDATE requests SET " +
            $"result = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @result END, " +
            $"error_message = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @error END, " +
            $"output_size = CASE WHEN status = '{CancelledPending}' THEN NULL ELSE @output_size END, " +
            $"status = CASE WHEN status = '{CancelledPending}' THEN '{Cancelled}' ELSE @status END, " +
            $"completed_at = @now WHERE id = @id AND status IN ('{Processing}', '{CancelledPending}') RETURNING {Columns}");
        command.Parameters.AddWithValue("@id", id);
        BindOutcome(command, outcome);
        command.Parameters.AddWithValue("@now", now);
        return ReadAll(command).FirstOrDefault() ?? GetById(id);
    });

    /// <summary>
    /// Runs, in one transaction, the queued requests whose outcome is known at once (the built-in
    /// echo and fail): each one still pending is started and finished in it, so nothing is answered
    /// before its commit and a kill leaves each request either pending (it runs after a restart) or
    /// finished. One commit for many requests is what makes these fast. Returns how many ran.
    /// </summary>
    public Task<int> RunAtOnceAsync(IReadOnlyCollection<string> ids, Func<RequestRecord, ExecutionOutcome> run, Func<long> now, CancellationToken ct) =>
        WithGate(ct, () =>
        {
            using var transaction = _connection.BeginTransaction();
            var select = _statements.Get($"SELECT {Columns} FROM requests WHERE id IN (SELECT value FROM json_each(@ids)) AND status = '{Pending}'", transaction);
            select.Parameters.AddWithValue("@ids", IdList(ids));
            var pending = ReadAll(select);
            foreach (var record in pending)
            {
                var started = now();
                var outcome = run(record);
                var update = _statements.Get(
                    "UPDATE requests SET status = @status, result = @result, error_message = @error, output_size = @output_size, " +
                    $"started_at = @started, completed_at = @completed, {CountRun} WHERE id = @id AND status = '{Pending}'", transaction);
                update.Parameters.AddWithValue("@id", record.Id);
                BindOutcome(update, outcome);
                update.Parameters.AddWithValue("@started", started);
                update.Parameters.AddWithValue("@completed", now());
                update.Parameters.AddWithValue("@session", _session);
                update.ExecuteNonQuery();
            }

            transaction.Commit();
            AddRuns(pending.Count);
            return pending.Count;
        });

    // A processing request whose run was lost goes back to pending with one more retry, and a
    // cancellation under way ends (both after a lost worker and after a restart; callers narrow them).
    // (From RequestStatus itself: the order of static initializers across a partial class's files is not defined.)
    private static readonly string RequeueProcessing =
        $"UPDATE requests SET status = '{RequestStatus.Pending}', started_at = NULL, retries = retries + 1 WHERE status = '{RequestStatus.Processing}'";

    private static readonly string EndCancellation =
        $"UPDATE requests SET status = '{RequestStatus.Cancelled}', completed_at = @now WHERE status = '{RequestStatus.CancelledPending}'";

    /// <summary>
    /// Queues a processing request again after its run was lost (its Python worker died), as a restart
    /// does: pending, with one more retry. One whose cancellation was asked for meanwhile ends cancelled.
    /// Returns the record after, or null when it was deleted meanwhile.
    /// </summary>
    public Task<RequestRecord?> RequeueAsync(string id, long now, CancellationToken ct) => WithGate(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        var requeue = _statements.Get(RequeueProcessing + " AND id = @id", transaction);
        requeue.Parameters.AddWithValue("@id", id);
        requeue.ExecuteNonQuery();

        var cancelled = _statements.Get(EndCancellation + " AND id = @id", transaction);
        cancelled.Parameters.AddWithValue("@id", id);
        cancelled.Parameters.AddWithValue("@now", now);
        cancelled.ExecuteNonQuery();

        var record = GetById(id, transaction);
        transaction.Commit();
        return record;
    });

    /// <summary>
    /// Prepares the store after a (re)start: batch requests that were processing go back to pending
    /// (with one more retry) and run again; direct requests that were processing fail, since their
    /// caller's connection is gone. Returns the pending batch requests, high priority first, then oldest first.
    /// </summary>
    public Task<IReadOnlyList<QueuedRequest>> RecoverAsync(long now, CancellationToken ct) => WithGate<IReadOnlyList<QueuedRequest>>(ct, () =>
    {
        using var transaction = _connection.BeginTransaction();
        var requeue = _statements.Get(RequeueProcessing + " AND kind = 'batch'", transaction);
        requeue.ExecuteNonQuery();

        // A cancellation that was under way when the emulator stopped is complete: nothing runs any more.
        var cancelled = _statements.Get(EndCancellation, transaction);
        cancelled.Parameters.AddWithValue("@now", now);
        cancelled.ExecuteNonQuery();

        var interrupted = _statements.Get($"UPDATE requests SET status = '{Failed}', completed_at = @now, " +
            $"error_message = 'The emulator stopped while this direct request was running.' WHERE kind = 'direct' AND status = '{Processing}'", transaction);
        interrupted.Parameters.AddWithValue("@now", now);
        interrupted.ExecuteNonQuery();

        var pending = _statements.Get($"SELECT id, deployment, priority FROM requests WHERE status = '{Pending}' ORDER BY priority, created_at, seq", transaction);
        var queued = new List<QueuedRequest>();
        using (var reader = pending.ExecuteReader())
        {
            while (reader.Read())
            {
                queued.Add(new QueuedRequest(reader.GetString(0), reader.GetString(1), (RequestPriority)reader.GetInt32(2)));
            }
        }

        transaction.Commit();
        return queued;
    });

    private RequestRecord? GetById(string id, Microsoft.Data.Sqlite.SqliteTransaction? transaction = null)
    {
        var select = _statements.Get($"SELECT {Columns} FROM requests WHERE id = @id", transaction);
        select.Parameters.AddWithValue("@id", id);
        return ReadAll(select).FirstOrDefault();
    }
}
