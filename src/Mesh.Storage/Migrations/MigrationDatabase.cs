using System.Data.Common;
using System.Diagnostics.CodeAnalysis;

namespace Mesh.Storage.Migrations;

/// <summary>
/// One connection to the database being migrated. Subclasses make its transactions exclusive (so that concurrent
/// silos apply each script once) and say how to ask whether the migration table exists yet.
/// </summary>
internal abstract class MigrationDatabase(DbConnection connection) : IAsyncDisposable
{
    /// <summary>How long one script, or the wait for another silo's script, may take.</summary>
    protected const int CommandTimeoutSeconds = 600;

    private const string ReadAppliedSql = "SELECT version, name, checksum FROM mesh_schema_migrations ORDER BY version";

    private const string RecordSql = "INSERT INTO mesh_schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)";

    /// <summary>Gets the storage provider.</summary>
    public abstract StorageProvider Provider { get; }

    /// <summary>Gets the connection.</summary>
    protected DbConnection Connection => connection;

    /// <summary>Gets a query returning one row whose first column is non-zero once <c>mesh_schema_migrations</c> exists.</summary>
    protected abstract string MigrationTableExistsSql { get; }

    /// <summary>Begins a transaction that overlaps no other migrator's (waiting for it if need be).</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The transaction.</returns>
    public abstract Task<DbTransaction> BeginExclusiveAsync(CancellationToken cancellationToken);

    /// <summary>Reads the scripts recorded as applied; none before script 001 created the table.</summary>
    /// <param name="transaction">The exclusive transaction.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The recorded scripts, in version order.</returns>
    public async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var exists = Command(MigrationTableExistsSql, transaction);
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return [];
        }

        await using var read = Command(ReadAppliedSql, transaction);
        await using var reader = await read.ExecuteReaderAsync(cancellationToken);
        var applied = new List<AppliedMigration>();
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(new AppliedMigration(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture), reader.GetString(1), reader.GetString(2)));
        }

        return applied;
    }

    /// <summary>Runs a script and records it, both in the given transaction.</summary>
    /// <param name="script">The script.</param>
    /// <param name="transaction">The exclusive transaction.</param>
    /// <param name="cancellationToken">Cancels the script.</param>
    /// <returns>A task that completes when the script ran and is recorded (not yet committed).</returns>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "The script is an embedded resource of this assembly, never input.")]
    public async Task ApplyAsync(MigrationScript script, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var run = Command(script.Text, transaction))
        {
            await run.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var record = Command(RecordSql, transaction);
        AddParameter(record, "version", script.Version);
        AddParameter(record, "name", script.Name);
        AddParameter(record, "checksum", script.Checksum);
        await record.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => connection.DisposeAsync();

    /// <summary>Creates a command on the connection, in a transaction, with the long migration timeout.</summary>
    /// <param name="sql">The SQL.</param>
    /// <param name="transaction">The transaction, if any.</param>
    /// <returns>The command.</returns>
    [SuppressMessage("Security", "CA2100:Review SQL queries for security vulnerabilities", Justification = "Callers pass constant SQL or an embedded script.")]
    protected DbCommand Command(string sql, DbTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.CommandTimeout = CommandTimeoutSeconds;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
