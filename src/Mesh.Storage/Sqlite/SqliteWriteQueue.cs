using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Sqlite;

/// <summary>
/// The one writer of a SQLite file in this process, with group commit: writes queue up while the previous
/// transaction commits, and the next transaction runs every queued write (each in its own savepoint, so one that
/// fails undoes only itself) and commits them together. A write's task completes only after the commit that holds it,
/// so each write is as durable as if it had committed alone (the file's <c>synchronous</c> setting decides how
/// durable that is: SQLite's default, FULL, syncs the write-ahead log on every commit), but one sync serves many.
/// </summary>
/// <remarks>
/// SQLite has one writer at a time per file. Connections that write at once do not queue: a connection that finds the
/// lock taken sleeps in SQLite's busy handler (1, 2, 5, 10, ... up to 100 ms) and tries again, so many concurrent
/// writers spend most of their time asleep. Funnelling this process's writes through one queue removes that wait
/// and shares each commit's sync; another process's writer is still waited for through the busy timeout.
/// </remarks>
internal sealed class SqliteWriteQueue(string connectionString)
{
    /// <summary>The most writes one transaction carries.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<SqliteWrite> _queue = Channel.CreateUnbounded<SqliteWrite>(new UnboundedChannelOptions { SingleReader = true });
    private int _started;
    private bool _writeAheadLogEnsured;

    /// <summary>Runs <paramref name="work"/> in the next group transaction and completes after that transaction committed.</summary>
    /// <typeparam name="T">What the work returns.</typeparam>
    /// <param name="work">Runs the write's commands (every command must use the given transaction); may throw to undo itself.</param>
    /// <param name="cancellationToken">Cancels the write while it waits in the queue; not once its transaction runs.</param>
    /// <returns>What <paramref name="work"/> returned, once committed.</returns>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync, CancellationToken.None);
        }

        var write = new SqliteWrite((c, t) => work(c, t), cancellationToken);
        if (!_queue.Writer.TryWrite(write))
        {
            throw new InvalidOperationException("The SQLite write queue is closed.");
        }

        return (T)(await write.Completion.ConfigureAwait(false))!;
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWrite>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var write))
            {
                if (!write.TryStart())
                {
                    continue;
                }

                batch.Add(write);
            }

            if (batch.Count > 0)
            {
                await CommitAsync(batch).ConfigureAwait(false);
                batch.Clear();
            }
        }
    }

    private async Task CommitAsync(List<SqliteWrite> batch)
    {
        try
        {
            await using var connection = _writeAheadLogEnsured
                ? await SqliteConnections.OpenWithBusyTimeoutAsync(connectionString, CancellationToken.None).ConfigureAwait(false)
                : await SqliteConnections.OpenAsync(connectionString, CancellationToken.None).ConfigureAwait(false);
            _writeAheadLogEnsured = true;
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Run(connection, transaction, i);
            }

            await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Opening, beginning or committing failed: nothing of this batch is in the file.
            foreach (var write in batch)
            {
                write.Fail(exception);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }
}
