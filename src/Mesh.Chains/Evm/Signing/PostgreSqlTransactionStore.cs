using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Mesh.Chains.Clients;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mesh.Chains.Evm.Signing;

/// <summary>
/// The EVM transaction store of a cluster, in its PostgreSQL database (tables <c>mesh_evm_transactions</c> and
/// <c>mesh_evm_nonces</c>, created by the Mesh schema's script 005). Every silo signing with one key shares it: a
/// submission holds the key's advisory lock (see <see cref="PostgreSqlSigningLease"/>) from before it reads the
/// chain's nonce until after the node took the signed transaction, and records the transaction, committed, before it
/// sends it; so a silo that takes over an operation after another died finds and resends the same bytes.
/// </summary>
internal sealed class PostgreSqlTransactionStore : EvmTransactionStore
{
    /// <summary>How long a held lock may go without a statement on its connection before PostgreSQL ends its session.</summary>
    public static readonly TimeSpan DefaultLockIdleLimit = TimeSpan.FromSeconds(30);

    /// <summary>The first key of every signing lock: "MEVM" in ASCII (the schema migrator's lock is a single bigint key, another key space).</summary>
    internal const int LockClass = 0x4D45564D;

    private readonly NpgsqlDataSource _dataSource;
    private readonly SigningLocks _localLocks;
    private readonly TimeSpan _lockIdleLimit;
    private readonly ILogger _logger;

    /// <summary>Creates the store; it connects on first use.</summary>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <param name="localLocks">
    /// The locks taken in this process before the advisory lock, so that one process queues its own submissions
    /// without holding a connection each: <see cref="SigningLocks.Process"/> but in tests that play two processes.
    /// </param>
    /// <param name="lockIdleLimit">PostgreSQL's <c>idle_in_transaction_session_timeout</c> of a held lock: a frozen holder loses it after this.</param>
    /// <param name="logger">The logger.</param>
    public PostgreSqlTransactionStore(string connectionString, SigningLocks localLocks, TimeSpan lockIdleLimit, ILogger logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(localLocks);
        ArgumentOutOfRangeException.ThrowIfLessThan(lockIdleLimit, TimeSpan.FromSeconds(1));
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Description = string.Create(CultureInfo.InvariantCulture, $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}");
        _dataSource = NpgsqlDataSource.Create(builder);
        _localLocks = localLocks;
        _lockIdleLimit = lockIdleLimit;
        _logger = logger;
    }

    /// <inheritdoc />
    public override string Description { get; }

    /// <summary>The second key of the signing lock of one key on one chain: 32 bits of SHA-256 of "chain id:address" (a collision only serializes two keys).</summary>
    internal static int LockKey(ulong chainId, string signer) =>
        BinaryPrimitives.ReadInt32BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{chainId}:{signer.ToLowerInvariant()}"))));

    internal override async Task<ISigningLease> LockAsync(ulong chainId, string signer, CancellationToken cancellationToken)
    {
        var local = await _localLocks.LockAsync(chainId, signer, cancellationToken).ConfigureAwait(false);
        try
        {
            return await PostgreSqlSigningLease.AcquireAsync(
                _dataSource, local, chainId, signer, LockKey(chainId, signer), _lockIdleLimit, _logger, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await local.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    internal override async Task<StoredTransaction?> FindAsync(string scope, OperationId id, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT payload, signer, nonce, hash, raw FROM mesh_evm_transactions WHERE scope = $1 AND operation_id = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = id.ToString() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        return new StoredTransaction(
            id,
            reader.GetString(0),
            reader.GetString(1),
            checked((ulong)reader.GetInt64(2)),
            Bytes32.Parse(reader.GetString(3)),
            reader.GetString(4));
    }

    internal override async Task<ulong?> NextNonceAsync(string scope, string signer, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand("SELECT next_nonce FROM mesh_evm_nonces WHERE scope = $1 AND signer = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = signer });
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is long next ? checked((ulong)next) : null;
    }

    internal override async Task SaveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken)
    {
        // One statement, so one transaction of its own, committed before the caller sends: durable whatever happens next.
        await using var command = _dataSource.CreateCommand("""
            WITH saved AS (
                INSERT INTO mesh_evm_transactions (scope, operation_id, payload, signer, nonce, hash, raw)
                VALUES ($1, $2, $3, $4, $5, $6, $7)
                ON CONFLICT (scope, operation_id) DO UPDATE SET
                    payload = excluded.payload, signer = excluded.signer, nonce = excluded.nonce,
                    hash = excluded.hash, raw = excluded.raw, saved_at = now())
            INSERT INTO mesh_evm_nonces (scope, signer, next_nonce) VALUES ($1, $4, $5 + 1)
            ON CONFLICT (scope, signer) DO UPDATE SET next_nonce = greatest(mesh_evm_nonces.next_nonce, excluded.next_nonce)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = scope });
        command.Parameters.Add(new NpgsqlParameter { Value = transaction.OperationId.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = transaction.Payload });
        command.Parameters.Add(new NpgsqlParameter { Value = transaction.Signer });
        command.Parameters.Add(new NpgsqlParameter { Value = checked((long)transaction.Nonce) });
        command.Parameters.Add(new NpgsqlParameter { Value = transaction.Hash.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = transaction.Raw });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    internal override async Task RemoveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken)
    {
        // A batch runs in one implicit transaction: the record and its nonce go back together.
        await using var batch = _dataSource.CreateBatch();
        var delete = new NpgsqlBatchCommand("DELETE FROM mesh_evm_transactions WHERE scope = $1 AND operation_id = $2 AND hash = $3");
        delete.Parameters.Add(new NpgsqlParameter { Value = scope });
        delete.Parameters.Add(new NpgsqlParameter { Value = transaction.OperationId.ToString() });
        delete.Parameters.Add(new NpgsqlParameter { Value = transaction.Hash.ToString() });
        var giveBack = new NpgsqlBatchCommand("UPDATE mesh_evm_nonces SET next_nonce = $3 WHERE scope = $1 AND signer = $2 AND next_nonce = $3 + 1");
        giveBack.Parameters.Add(new NpgsqlParameter { Value = scope });
        giveBack.Parameters.Add(new NpgsqlParameter { Value = transaction.Signer });
        giveBack.Parameters.Add(new NpgsqlParameter { Value = checked((long)transaction.Nonce) });
        batch.BatchCommands.Add(delete);
        batch.BatchCommands.Add(giveBack);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
