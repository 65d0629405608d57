using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Grains.Rebalancing.Hedging;

namespace Mesh.Silo.Hosting;

/// <summary>Rebalancing settings (<c>Mesh:Rebalancing</c>).</summary>
public sealed class MeshRebalancingOptions
{
    /// <summary>Gets or sets the allocation policy between risky and stable collateral (<c>Mesh:Rebalancing:Allocation</c>).</summary>
    /// <value>The default is a stable floor of 20% calm, 40% elevated, 60% stressed, a 5-point tolerance and a 1,000 USD minimum sale.</value>
    public AllocationOptions Allocation { get; set; } = new();

    /// <summary>Gets or sets the delta-neutrality advice (<c>Mesh:Rebalancing:Hedge</c>).</summary>
    /// <value>The default is a band of 5% of collateral value, and a 1,000 USD minimum hedge.</value>
    public HedgeOptions Hedge { get; set; } = new();
}
