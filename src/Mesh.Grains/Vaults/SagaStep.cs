namespace Mesh.Grains.Vaults;

/// <summary>A boundary between two durable writes of a vault's credit saga, or of a top-up it gives (see <see cref="ISagaCheckpoint"/>).</summary>
public enum SagaStep
{
    /// <summary>The vault's first write is durable (the operation is recorded as pending); the pool (for a top-up: the receiving book) has not been asked in this attempt.</summary>
    Recorded,

    /// <summary>The pool has applied the operation and answered (its write is durable); the vault has not yet applied the answer.</summary>
    PoolApplied,
}
