using Orleans.Runtime;
using Orleans.Storage;

namespace Mesh.Storage.Persistence;

/// <summary>
/// Wraps Orleans' ADO.NET grain storage so that it keys state by the whole grain id.
/// </summary>
/// <remarks>
/// The ADO.NET provider (10.4) identifies a row by the state name and the grain id's key only, not its type: two grain
/// types with the same key and state name ("ETH" for an oracle and for a pool) would share one row. It also reads a
/// string key that looks like a hexadecimal number as that number ("0a" and "A" meet). This wrapper hands the
/// provider, in place of the grain id, a string-keyed id whose key is the whole id's text (<c>vault/aave</c>): the
/// '/' after the type keeps it from parsing as an integer or GUID key (grain types are not 32 hex digits long), and
/// it is what an operator sees in <c>grain_key</c>.
/// </remarks>
internal sealed class GrainIdScopedStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private static readonly GrainType StorageKeyType = GrainType.Create("mesh.state");

    /// <summary>Gets the wrapped provider.</summary>
    public IGrainStorage Inner => inner;

    /// <summary>The id the provider sees for a grain: same for every call about that grain, distinct across grains.</summary>
    /// <param name="grainId">The grain's id.</param>
    /// <returns>A string-keyed id whose key is <paramref name="grainId"/>'s text.</returns>
    public static GrainId StorageId(GrainId grainId) => GrainId.Create(StorageKeyType, grainId.ToString());

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, StorageId(grainId), grainState);

    /// <inheritdoc />
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ReadStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.WriteStateAsync(stateName, StorageId(grainId), grainState);

    /// <inheritdoc />
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.WriteStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, StorageId(grainId), grainState);

    /// <inheritdoc />
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken) =>
        inner.ClearStateAsync(stateName, StorageId(grainId), grainState, cancellationToken);

    /// <inheritdoc />
    public void Participate(ISiloLifecycle lifecycle)
    {
        if (inner is ILifecycleParticipant<ISiloLifecycle> participant)
        {
            participant.Participate(lifecycle);
        }
    }
}
