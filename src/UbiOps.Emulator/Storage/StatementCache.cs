using Microsoft.Data.Sqlite;

namespace UbiOps.Emulator.Storage;

/// <summary>
/// One prepared command per SQL text, reused: SQLite compiles a statement once instead of on every
/// call (the per-request statements cost more to compile than to run). Used under the store's gate only.
/// </summary>
internal sealed class StatementCache(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    /// <summary>The command for <paramref name="sql"/>, with no parameters, in <paramref name="transaction"/> (or none).</summary>
    public SqliteCommand Get(string sql, SqliteTransaction? transaction = null)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
