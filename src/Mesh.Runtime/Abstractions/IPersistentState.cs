namespace Mesh.Runtime;

/// <summary>A grain's durable state, stored as JSON with an optimistic-concurrency version.</summary>
/// <typeparam name="TState">The state type; it must round-trip through System.Text.Json.</typeparam>
public interface IPersistentState<TState>
{
    /// <summary>Gets or sets the in-memory state.</summary>
    TState State { get; set; }

    /// <summary>Gets the version of the stored record this state was read from or last written as (its ETag); 0 when none exists.</summary>
    long Version { get; }

    /// <summary>Gets the ETag form of <see cref="Version"/>.</summary>
    string? Etag { get; }

    /// <summary>Gets a value indicating whether a stored record exists.</summary>
    bool RecordExists { get; }

    /// <summary>Reads the state from storage, replacing the in-memory state.</summary>
    Task ReadStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Writes the in-memory state if the stored version is still the one last read or written.</summary>
    /// <exception cref="InconsistentStateException">Another writer changed the record; the activation is dropped and reloads on its next call.</exception>
    Task WriteStateAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes the stored record and resets the state to its default.</summary>
    Task ClearStateAsync(CancellationToken cancellationToken = default);
}
