using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>A vault's persisted books (plain data; stored as JSON without type names).</summary>
public sealed class VaultState
{
    /// <summary>Gets or sets the balance per asset in base units: own deposits plus credit drawn into the vault.</summary>
    public Dictionary<string, UInt128> Balances { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the debt per asset in base units, as of the pool index last seen.</summary>
    public Dictionary<string, UInt128> Debt { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets what the pools have recalled per asset and is still due, as of their last word.</summary>
    public Dictionary<string, UInt128> RecallDue { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the reported exposures.</summary>
    public List<Exposure> Exposures { get; set; } = [];

    /// <summary>Gets or sets the value-moving operations by id: pending ones drive the saga, finished ones answer retries.</summary>
    public Dictionary<string, OperationReceipt> Operations { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the assets whose revaluation partitions list this vault.</summary>
    public HashSet<string> Registered { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the rebalance need while it persists (to keep when it was raised).</summary>
    public RebalanceNeed? Need { get; set; }

    /// <summary>Gets or sets how the vault rebalances by itself; null when never set.</summary>
    public RebalanceSettings? Rebalancing { get; set; }

    /// <summary>Gets or sets the vault's sales under coordinator grants.</summary>
    public VaultSales Sales { get; set; } = new();

    /// <summary>Gets or sets the vault's delta hedge (perps traded for it through the market seam).</summary>
    public VaultHedges Hedges { get; set; } = new();

    /// <summary>Gets or sets the vault's top-ups with the protocol's other books on its chain.</summary>
    public VaultTopUps TopUps { get; set; } = new();
}
