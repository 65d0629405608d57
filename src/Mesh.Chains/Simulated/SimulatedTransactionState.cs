namespace Mesh.Chains.Simulated;

/// <summary>Where a simulated transaction is.</summary>
internal enum SimulatedTransactionState
{
    /// <summary>In the mempool.</summary>
    Pending = 0,

    /// <summary>In a canonical block (succeeded or reverted).</summary>
    Included = 1,

    /// <summary>Dropped by a reorganisation; the chain no longer knows it.</summary>
    Dropped = 2,
}
