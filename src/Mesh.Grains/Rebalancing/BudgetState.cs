namespace Mesh.Grains.Rebalancing;

/// <summary>The global budget's persisted state: each market's claim in micro-USD.</summary>
internal sealed class BudgetState
{
    /// <summary>Gets or sets the claims by market (no zero entries).</summary>
    public Dictionary<string, UInt128> Claims { get; set; } = new(StringComparer.Ordinal);
}
