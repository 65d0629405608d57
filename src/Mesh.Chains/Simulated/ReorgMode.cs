namespace Mesh.Chains.Simulated;

/// <summary>What a simulated reorganisation does with the transactions of the blocks it removes.</summary>
public enum ReorgMode
{
    /// <summary>They go back to the mempool, ahead of newer ones, and are included again in the next block.</summary>
    Requeue = 0,

    /// <summary>They vanish; their operations become <see cref="Clients.OperationState.Unknown"/> and must be submitted again.</summary>
    Drop = 1,
}
