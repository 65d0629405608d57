namespace Mesh.Grains.Pools;

/// <summary>A pool's persisted state: the ledger and the answers by operation id.</summary>
internal sealed class PoolGrainState
{
    /// <summary>Gets or sets the ledger; null until the pool's first operation.</summary>
    public PoolState? Ledger { get; set; }

    /// <summary>Gets or sets the answers by operation id.</summary>
    public Dictionary<string, PoolOperation> Operations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets every recall made, oldest first.</summary>
    public List<Mesh.Pools.RecallRecord> Recalls { get; set; } = [];
}
