using Microsoft.Data.Sqlite;
using UbiOps.Emulator.Deployments;

namespace UbiOps.Emulator.Storage;

/// <summary>
/// The requests, kept in SQLite (WAL). Every change is committed before the API answers, so an answered
/// request survives the process being killed. One connection, used by one caller at a time (the gate):
/// no busy errors between writers, and every statement is prepared once (<see cref="StatementCache"/>).
/// Throughput comes from doing many requests per statement and per transaction, not from concurrency.
/// </summary>
internal sealed partial class RequestStore : IDisposable
{
    private const string Columns =
        "id, project, deployment, version, kind, status, created_at, started_at, completed_at, request_data, result, " +
        "error_message, timeout, notification_group, input_size, output_size, retries, created_by, priority";

    // The statuses as stored: the client's RequestStatus is their one home.
    private static readonly string Pending = RequestStatus.Pending.Value, Processing = RequestStatus.Processing.Value,
        Completed = RequestStatus.Completed.Value, Failed = RequestStatus.Failed.Value,
        Cancelled = RequestStatus.Cancelled.Value, CancelledPending = RequestStatus.CancelledPending.Value;

    private readonly SqliteConnection _connection;
    private readonly StatementCache _statements;
    private readonly SemaphoreSlim _gate = new(1, 1);

    // Tells this session's runs from those of earlier sessions on the same database (ExecutionCount).
    private readonly long _session = Random.Shared.NextInt64();
    private int _totalRuns;

    private RequestStore(SqliteConnection connection)
    {
        _connection = connection;
        _statements = new StatementCache(connection);
    }

    /// <summary>How many times request code was started in this session, over all requests.</summary>
    public int TotalRuns => Volatile.Read(ref _totalRuns);

    public static RequestStore Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false,
        }.ToString());
        connection.Open();
        // WAL with synchronous=NORMAL: a commit is written to the WAL file (the operating system's
        // page cache) before it returns, so a committed request survives the process being killed,
        // even by kill -9; only an operating-system crash or a power loss could roll back the last
        // commits (FULL would fsync every commit to rule that out too, at a large cost per commit).
        Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;");
        StoreSchema.Apply(connection);
        return new RequestStore(connection);
    }

    /// <summary>How many times the request's code was started in this session (0 when never, or unknown).</summary>
    public int RunsOf(string id) => WithGateSync(() =>
    {
        var command = _statements.Get("SELECT CASE WHEN run_session = @session THEN runs ELSE 0 END FROM requests WHERE id = @id");
        command.Parameters.AddWithValue("@session", _session);
        command.Parameters.AddWithValue("@id", id);
        return command.ExecuteScalar() is long runs ? (int)runs : 0;
    });

    public void Dispose()
    {
        _gate.Wait();
        _statements.Dispose();
        _connection.Dispose();
        _gate.Dispose();
    }

    // Sets runs to one more than before in this session (or 1 when this session had not run it).
    private const string CountRun = "runs = CASE WHEN run_session = @session THEN runs + 1 ELSE 1 END, run_session = @session";

    private void AddRuns(int count) => Interlocked.Add(ref _totalRuns, count);

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

    private T WithGateSync<T>(Func<T> action)
    {
        _gate.Wait();
        try
        {
            return action();
        }
        finally
        {
            _gate.Release();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The ids as one JSON array, for <c>json_each</c>: one prepared statement serves any number of ids.</summary>
    private static string IdList(IEnumerable<string> ids) => Newtonsoft.Json.JsonConvert.SerializeObject(ids);

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
        command.Parameters.AddWithValue("@priority", (int)record.Priority);
    }

    private static void BindOutcome(SqliteCommand command, ExecutionOutcome outcome)
    {
        command.Parameters.AddWithValue("@status", outcome.Status.Value);
        command.Parameters.AddWithValue("@result", (object?)outcome.Result ?? DBNull.Value);
        command.Parameters.AddWithValue("@error", (object?)outcome.ErrorMessage ?? DBNull.Value);
        command.Parameters.AddWithValue("@output_size", (object?)outcome.OutputSize ?? DBNull.Value);
    }

    private static List<RequestRecord> ReadAll(SqliteCommand command)
    {
        var records = new List<RequestRecord>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            records.Add(Read(reader));
        }

        return records;
    }

    private static RequestRecord Read(SqliteDataReader reader) => new()
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
        Priority = (RequestPriority)reader.GetInt32(18),
    };
}
