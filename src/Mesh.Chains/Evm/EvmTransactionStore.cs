using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm;

/// <summary>
/// Where the EVM clients keep, per operation id, the signed transaction that carries it (so that a resubmission
/// resends the same nonce and hash) and how they serialize nonce allocation, signing and sending per signing key.
/// <see cref="Sqlite"/> serves one process; <see cref="PostgreSql"/> is shared by every silo of a cluster that signs
/// with one key. Dispose it after the clients that use it.
/// </summary>
public abstract class EvmTransactionStore : IDisposable
{
    private protected EvmTransactionStore()
    {
    }

    /// <summary>What the store is, for logs: a file path, or a PostgreSQL host and database (never a password).</summary>
    public abstract string Description { get; }

    /// <summary>
    /// A store in a SQLite file, serialized by locks of this process: right for one process per signing key
    /// (a single node, development, tests). Silos of one cluster must share <see cref="PostgreSql"/> instead.
    /// </summary>
    /// <param name="path">The SQLite file; created with its folder when missing.</param>
    /// <returns>The store.</returns>
    public static EvmTransactionStore Sqlite(string path) => new SqliteTransactionStore(path, SigningLocks.Process);

    /// <summary>
    /// A store in the cluster's PostgreSQL database (tables <c>mesh_evm_transactions</c> and <c>mesh_evm_nonces</c>
    /// of the Mesh schema, applied by <c>SchemaMigrator</c>): each submission holds a transaction-level advisory lock
    /// of its chain and signer while it allocates the nonce, signs, records and sends, so that processes signing with
    /// one key never race for a nonce; the lock ends with the holder's session when a process dies.
    /// </summary>
    /// <param name="connectionString">The PostgreSQL connection string; its password never reaches a log.</param>
    /// <param name="loggerFactory">The logger factory, if any.</param>
    /// <returns>The store.</returns>
    public static EvmTransactionStore PostgreSql(string connectionString, ILoggerFactory? loggerFactory = null) =>
        new PostgreSqlTransactionStore(
            connectionString,
            SigningLocks.Process,
            PostgreSqlTransactionStore.DefaultLockIdleLimit,
            loggerFactory?.CreateLogger("Mesh.Chains.Evm") ?? NullLogger.Instance);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Waits for, then holds, the signing lock of one key on one chain: no other holder of this store (or, for
    /// PostgreSQL, of any process on the same database) allocates, signs or sends for that key until it is disposed.
    /// </summary>
    internal abstract Task<ISigningLease> LockAsync(ulong chainId, string signer, CancellationToken cancellationToken);

    /// <summary>The signed transaction stored for an operation, if any.</summary>
    internal abstract Task<StoredTransaction?> FindAsync(string scope, OperationId id, CancellationToken cancellationToken);

    /// <summary>The next nonce the store recorded for a signer (a diagnostic: the chain's count is authoritative).</summary>
    internal abstract Task<ulong?> NextNonceAsync(string scope, string signer, CancellationToken cancellationToken);

    /// <summary>Records a signed transaction (replacing an earlier one of the same operation), durably, and moves the next nonce past it.</summary>
    internal abstract Task SaveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Forgets a transaction the node refused (it was never sent) and gives its nonce back when it was the last one.</summary>
    internal abstract Task RemoveAsync(string scope, StoredTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Releases what the store holds (connection pools).</summary>
    /// <param name="disposing">Whether called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
    }
}
