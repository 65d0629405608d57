using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace Mesh.Silo.Simulation;

/// <summary>
/// The simulation's grain storage: each grain's state object kept by reference in the process, with an ETag that
/// changes on every write. A simulation keeps nothing and its silo never fails, so there is nothing to serialize; the
/// cost of writing state is the storage providers' own, measured by their benchmarks, not by this comparison of
/// policies. Optimistic concurrency is kept: a write with a stale ETag is refused as the real providers refuse it.
/// </summary>
internal sealed class SimulationGrainStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<(string Name, GrainId Grain), (object State, string ETag)> _states = new();
    private long _version;

    /// <inheritdoc/>
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (_states.TryGetValue((stateName, grainId), out var stored))
        {
            (grainState.State, grainState.ETag, grainState.RecordExists) = ((T)stored.State, stored.ETag, true);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        object state = grainState.State ?? throw new ArgumentException($"The state of {grainId} is null.", nameof(grainState));
        var etag = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
        var written = _states.AddOrUpdate(
            key,
            _ => grainState.ETag is null ? (state, etag) : throw Stale(grainId, grainState.ETag, null),
            (_, existing) => existing.ETag == grainState.ETag ? (state, etag) : throw Stale(grainId, grainState.ETag, existing.ETag));
        (grainState.ETag, grainState.RecordExists) = (written.ETag, true);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _states.TryRemove((stateName, grainId), out _);
        (grainState.ETag, grainState.RecordExists) = (null, false);
        return Task.CompletedTask;
    }

    private static InconsistentStateException Stale(GrainId grainId, string? current, string? stored) =>
        new($"The state of {grainId} was written by another activation (ETag {stored ?? "none"}, this one holds {current ?? "none"}).", stored, current);
}
