using Orleans.Runtime;

namespace Mesh.Grains.Hosting;

/// <summary>Writes for grains whose logic changes their state in place (an aggregator, a ledger) and cannot undo it by hand.</summary>
internal static class PersistentStateExtensions
{
    /// <summary>
    /// Writes the state; when the write fails, reads back what storage holds (the last durable state, or a newer one
    /// after an ETag conflict) and calls <paramref name="restored"/> so that the grain rebuilds what it derived from the
    /// state. If even the read fails, the activation is dropped, so that the next call starts from storage. The write's
    /// exception is rethrown either way.
    /// </summary>
    internal static async Task WriteOrRestoreAsync<T>(this IPersistentState<T> state, Grain grain, Action restored, CancellationToken cancellationToken)
    {
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            try
            {
                await state.ReadStateAsync(cancellationToken);
                restored();
            }
            catch (Exception readFailure) when (readFailure is not OutOfMemoryException)
            {
                grain.DeactivateOnIdle();
            }

            throw;
        }
    }
}
