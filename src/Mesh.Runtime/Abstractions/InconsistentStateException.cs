namespace Mesh.Runtime;

/// <summary>A state write found a different stored version (or a newer partition owner) than the writer expected.</summary>
public sealed class InconsistentStateException : MeshRuntimeException
{
    /// <summary>Initializes a new instance of the <see cref="InconsistentStateException"/> class.</summary>
    public InconsistentStateException(string message, long expectedVersion, long? storedVersion)
        : base("mesh.runtime.inconsistent_state", message)
    {
        ExpectedVersion = expectedVersion;
        StoredVersion = storedVersion;
    }

    /// <summary>Gets the version the writer expected.</summary>
    public long ExpectedVersion { get; }

    /// <summary>Gets the version found in storage, when known (<see langword="null"/> if the record is absent or the write was fenced).</summary>
    public long? StoredVersion { get; }
}
