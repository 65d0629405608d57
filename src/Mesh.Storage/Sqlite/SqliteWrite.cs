using Microsoft.Data.Sqlite;

namespace Mesh.Storage.Sqlite;

/// <summary>One write waiting in a <see cref="SqliteWriteQueue"/>: its work, its outcome, and the task its caller awaits.</summary>
internal sealed class SqliteWrite
{
    private readonly Func<SqliteConnection, SqliteTransaction, object?> _work;
    private readonly CancellationToken _cancellationToken;
    private readonly TaskCompletionSource<object?> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private object? _result;
    private Exception? _failure;

    public SqliteWrite(Func<SqliteConnection, SqliteTransaction, object?> work, CancellationToken cancellationToken)
    {
        _work = work;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Gets the task that completes once the write's transaction committed (or the write failed).</summary>
    public Task<object?> Completion => _completion.Task;

    /// <summary>Takes the write into a batch; false (and canceled) when its caller gave up while it waited.</summary>
    /// <returns>Whether to run it.</returns>
    public bool TryStart()
    {
        if (!_cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        _completion.TrySetCanceled(_cancellationToken);
        return false;
    }

    /// <summary>Runs the work in a savepoint of the batch's transaction; a failure undoes this write only.</summary>
    /// <param name="connection">The writer's connection.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="index">The write's place in the batch (names its savepoint).</param>
    public void Run(SqliteConnection connection, SqliteTransaction transaction, int index)
    {
        var savepoint = "w" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
        transaction.Save(savepoint);
        try
        {
            _result = _work(connection, transaction);
            transaction.Release(savepoint);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            transaction.Rollback(savepoint);
            transaction.Release(savepoint);
            _failure = exception;
        }
    }

    /// <summary>The batch committed: the caller gets the work's result, or the exception that undid it.</summary>
    public void Complete()
    {
        if (_failure is null)
        {
            _completion.TrySetResult(_result);
        }
        else
        {
            _completion.TrySetException(_failure);
        }
    }

    /// <summary>The batch did not commit: nothing of this write is in the file.</summary>
    /// <param name="exception">Why.</param>
    public void Fail(Exception exception) => _completion.TrySetException(_failure ?? exception);
}
