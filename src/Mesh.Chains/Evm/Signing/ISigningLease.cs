namespace Mesh.Chains.Evm.Signing;

/// <summary>A held signing lock of one key on one chain; disposing it releases the lock.</summary>
internal interface ISigningLease : IAsyncDisposable
{
    /// <summary>
    /// Checks, just before a send, that the lock is still held (a PostgreSQL lock ends with its session, which the
    /// server may have closed meanwhile); throws when it is not, so that nothing is sent without it.
    /// </summary>
    Task EnsureHeldAsync(CancellationToken cancellationToken);
}
