using System.Data;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mesh.Chains.Evm.Signing;

/// <summary>
/// The signing lock of one key on one chain across processes: <c>pg_advisory_xact_lock</c> in a transaction of its
/// own connection, held until disposed (a rollback: the transaction writes nothing; the records are written, committed,
/// on other connections so that they are durable before the send). A transaction-level lock cannot outlive its
/// transaction, so a pooled connection never carries it to another user; a dead process's lock ends with its session,
/// and a frozen one's after <c>idle_in_transaction_session_timeout</c>.
/// </summary>
internal sealed class PostgreSqlSigningLease : ISigningLease
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly ISigningLease _local;
    private readonly ulong _chainId;
    private readonly string _signer;
    private readonly ILogger _logger;
    private int _released;

    private PostgreSqlSigningLease(NpgsqlConnection connection, NpgsqlTransaction transaction, ISigningLease local, ulong chainId, string signer, ILogger logger)
    {
        _connection = connection;
        _transaction = transaction;
        _local = local;
        _chainId = chainId;
        _signer = signer;
        _logger = logger;
    }

    /// <summary>Opens a connection, begins a transaction and waits in it for the advisory lock.</summary>
    public static async Task<PostgreSqlSigningLease> AcquireAsync(
        NpgsqlDataSource dataSource, ISigningLease local, ulong chainId, string signer, int key, TimeSpan idleLimit, ILogger logger, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand(
                "SELECT set_config('idle_in_transaction_session_timeout', $1, true), pg_advisory_xact_lock($2, $3)", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = ((long)idleLimit.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) });
            command.Parameters.Add(new NpgsqlParameter { Value = PostgreSqlTransactionStore.LockClass });
            command.Parameters.Add(new NpgsqlParameter { Value = key });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return new PostgreSqlSigningLease(connection, transaction, local, chainId, signer, logger);
        }
        catch
        {
            // Closing the connection ends the transaction, and with it a lock granted just before a failure.
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task EnsureHeldAsync(CancellationToken cancellationToken)
    {
        // A statement in the lock's transaction: it fails when the session (and so the lock) is gone, and it restarts the idle clock.
        await using var command = new NpgsqlCommand("SELECT 1", _connection, _transaction);
        await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _released, 1) != 0)
        {
            return;
        }

        try
        {
            if (_connection.FullState == ConnectionState.Open)
            {
                await _transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                // The connection broke (the session and the lock ended with it); a send made under it stays sent.
                EvmLog.SigningLockReleaseFailed(_logger, _chainId, _signer, $"the connection is {_connection.FullState}");
            }
        }
        catch (NpgsqlException exception)
        {
            // The connection broke now (Npgsql discards it): the server ends the session and so the lock.
            EvmLog.SigningLockReleaseFailed(_logger, _chainId, _signer, exception.Message);
        }
        finally
        {
            await _transaction.DisposeAsync().ConfigureAwait(false);
            await _connection.DisposeAsync().ConfigureAwait(false);
            await _local.DisposeAsync().ConfigureAwait(false);
        }
    }
}
