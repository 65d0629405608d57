using System.Globalization;
using Mesh.Chains.Clients;
using Microsoft.Data.Sqlite;

namespace Mesh.Chains.Evm.Signing;

/// <summary>
/// The durable record of the EVM client in a SQLite file: per signing key and chain the next nonce, and per operation
/// id the signed transaction that carries it. A submission writes here before it sends, so that after a crash the same
/// operation is resent with the same nonce and hash rather than signed twice. Submissions are serialized by
/// <see cref="SigningLocks"/> of one process: two processes signing with one key each need their own key or a
/// shared <see cref="PostgreSqlTransactionStore"/>.
/// </summary>
internal sealed class SqliteTransactionStore : EvmTransactionStore
{
    private readonly string _connectionString;
    private readonly SigningLocks _locks;

    /// <summary>Opens (creating when missing) the store file.</summary>
    /// <param name="path">The SQLite file.</param>
    /// <param name="locks">The locks that serialize submissions per key: <see cref="SigningLocks.Process"/> but in tests.</param>
    public SqliteTransactionStore(string path, SigningLocks locks)
    {
        ArgumentNullException.ThrowIfNull(locks);
        _locks = locks;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS evm_nonce (
                scope TEXT NOT NULL, signer TEXT NOT NULL, next_nonce INTEGER NOT NULL,
                PRIMARY KEY (scope, signer));
            CREATE TABLE IF NOT EXISTS evm_transaction (
                scope TEXT NOT NULL, operation_id TEXT NOT NULL, payload TEXT NOT NULL, signer TEXT NOT NULL,
                nonce INTEGER NOT NULL, hash TEXT NOT NULL, raw TEXT NOT NULL,
                PRIMARY KEY (scope, operation_id));
            """;
        command.ExecuteNonQuery();
        Description = Path.GetFullPath(path);
    }

    /// <inheritdoc />
    public override string Description { get; }

    internal override Task<ISigningLease> LockAsync(ulong chainId, string signer, CancellationToken cancellationToken) =>
        _locks.LockAsync(chainId, signer, cancellationToken);

    internal override async Task<StoredTransaction?> FindAsync(string scope, OperationId id, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload, signer, nonce, hash, raw FROM evm_transaction WHERE scope = $scope AND operation_id = $id";
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$id", id.ToString());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredTransaction(
            id,
            reader.GetString(0),
            reader.GetString(1),
            (ulong)reader.GetInt64(2),
            Bytes32.Parse(reader.GetString(3)),
            reader.GetString(4));
    }

    internal override async Task<ulong?> NextNonceAsync(string scope, string signer, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT next_nonce FROM evm_nonce WHERE scope = $scope AND signer = $signer";
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$signer", signer);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is null ? null : Convert.ToUInt64(value, CultureInfo.InvariantCulture);
    }

    internal override async Task SaveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = tx;
            command.CommandText = """
                INSERT INTO evm_transaction (scope, operation_id, payload, signer, nonce, hash, raw)
                VALUES ($scope, $id, $payload, $signer, $nonce, $hash, $raw)
                ON CONFLICT (scope, operation_id) DO UPDATE SET
                    payload = excluded.payload, signer = excluded.signer, nonce = excluded.nonce,
                    hash = excluded.hash, raw = excluded.raw;
                INSERT INTO evm_nonce (scope, signer, next_nonce) VALUES ($scope, $signer, $next)
                ON CONFLICT (scope, signer) DO UPDATE SET next_nonce = max(next_nonce, excluded.next_nonce);
                """;
            command.Parameters.AddWithValue("$scope", scope);
            command.Parameters.AddWithValue("$id", transaction.OperationId.ToString());
            command.Parameters.AddWithValue("$payload", transaction.Payload);
            command.Parameters.AddWithValue("$signer", transaction.Signer);
            command.Parameters.AddWithValue("$nonce", checked((long)transaction.Nonce));
            command.Parameters.AddWithValue("$hash", transaction.Hash.ToString());
            command.Parameters.AddWithValue("$raw", transaction.Raw);
            command.Parameters.AddWithValue("$next", checked((long)transaction.Nonce + 1));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await tx.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    internal override async Task RemoveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken)
    {
        await using var connection = Open();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DELETE FROM evm_transaction WHERE scope = $scope AND operation_id = $id AND hash = $hash;
            UPDATE evm_nonce SET next_nonce = $nonce WHERE scope = $scope AND signer = $signer AND next_nonce = $nonce + 1;
            """;
        command.Parameters.AddWithValue("$scope", scope);
        command.Parameters.AddWithValue("$id", transaction.OperationId.ToString());
        command.Parameters.AddWithValue("$hash", transaction.Hash.ToString());
        command.Parameters.AddWithValue("$signer", transaction.Signer);
        command.Parameters.AddWithValue("$nonce", checked((long)transaction.Nonce));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
