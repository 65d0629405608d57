using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Sqlite;

/// <summary>
/// How Mesh opens its SQLite file: write-ahead logging (readers never block the writer, one writer at a time) and
/// a busy timeout, so that a write arriving while another connection writes waits for it instead of failing.
/// </summary>
internal static class SqliteConnections
{
    /// <summary>SQLite itself waits up to 10 s for a lock held by another connection before reporting busy.</summary>
    private const string BusyTimeoutSql = "PRAGMA busy_timeout = 10000";

    /// <summary>The least command timeout, in seconds; Microsoft.Data.Sqlite also retries busy statements until it.</summary>
    public const int MinimumCommandTimeoutSeconds = 30;

    /// <summary>The connection string with pooling on and a command timeout of at least 30 s.</summary>
    /// <param name="connectionString">The configured connection string.</param>
    /// <returns>The connection string to open.</returns>
    public static string Normalize(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = true };
        builder.DefaultTimeout = Math.Max(builder.DefaultTimeout, MinimumCommandTimeoutSeconds);
        return builder.ConnectionString;
    }

    /// <summary>Opens a connection, sets its busy timeout and makes sure the file is in WAL mode.</summary>
    /// <param name="connectionString">The connection string (normalized here).</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open connection.</returns>
    public static async Task<SqliteConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = await OpenWithBusyTimeoutAsync(Normalize(connectionString), cancellationToken);
        try
        {
            await EnsureWriteAheadLogAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Opens a connection and sets its busy timeout.</summary>
    /// <param name="connectionString">A normalized connection string.</param>
    /// <param name="cancellationToken">Cancels the open.</param>
    /// <returns>The open connection.</returns>
    public static async Task<SqliteConnection> OpenWithBusyTimeoutAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = BusyTimeoutSql;
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Switches the file to write-ahead logging; the mode stays with the file.</summary>
    /// <param name="connection">An open connection outside any transaction.</param>
    /// <param name="cancellationToken">Cancels the switch.</param>
    /// <returns>A task that completes when the file is in WAL mode.</returns>
    public static async Task EnsureWriteAheadLogAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL";
        var mode = (string?)await command.ExecuteScalarAsync(cancellationToken);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase) && !string.Equals(mode, "memory", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"SQLite file {connection.DataSource} refused write-ahead logging (journal mode {mode}).");
        }
    }
}
