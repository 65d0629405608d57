namespace Mesh.Runtime.Persistence;

/// <summary>Stores grain state as JSON with an optimistic-concurrency version and a partition fence.</summary>
public interface IGrainStorage
{
    /// <summary>Gets the provider name used in telemetry, e.g. <c>postgresql</c>.</summary>
    string ProviderName { get; }

    /// <summary>Reads a state record; <see langword="null"/> when none was ever written.</summary>
    Task<StoredGrainState?> ReadAsync(GrainStateKey key, CancellationToken cancellationToken);

    /// <summary>Writes <paramref name="json"/> if the stored version equals <paramref name="expectedVersion"/> (0: no record) and <paramref name="fence"/> is current.</summary>
    /// <returns>The new version.</returns>
    /// <exception cref="InconsistentStateException">The version or the fence did not match; nothing was written.</exception>
    Task<long> WriteAsync(GrainStateKey key, string json, long expectedVersion, WriteFence fence, CancellationToken cancellationToken);

    /// <summary>Clears a record (keeping a tombstone version) under the same conditions as <see cref="WriteAsync"/>.</summary>
    /// <returns>The tombstone's version.</returns>
    Task<long> ClearAsync(GrainStateKey key, long expectedVersion, WriteFence fence, CancellationToken cancellationToken);
}
