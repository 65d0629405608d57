using Mesh.Rebalancing;

namespace Mesh.Grains.Rebalancing;

/// <summary>One market's settings (<c>Mesh:Rebalancing:Markets:&lt;asset&gt;</c>, or <c>Mesh:Rebalancing:Defaults</c>); an unset field falls back.</summary>
public sealed class RebalanceMarketOptions
{
    /// <summary>Gets or sets the market's policy.</summary>
    /// <value>The default is null (<see cref="RebalancingOptions.Policy"/>).</value>
    public RebalancePolicy? Policy { get; set; }

    /// <summary>Gets or sets the market's static cap on quantity in flight (MakerDAO's <c>ilk.hole</c>), in base units of the asset.</summary>
    /// <value>The default is null (no static cap).</value>
    public UInt128? Hole { get; set; }

    /// <summary>Gets or sets the smallest grant worth making and the smallest remainder worth leaving (MakerDAO's <c>dust</c>), in base units.</summary>
    /// <value>The default is null (zero).</value>
    public UInt128? Dust { get; set; }

    /// <summary>Gets or sets the flow budget's capacity (a token bucket on granted quantity), in base units; set with <see cref="FlowRefillPerSecond"/>.</summary>
    /// <value>The default is null (no flow budget).</value>
    public UInt128? FlowCapacity { get; set; }

    /// <summary>Gets or sets the flow budget's refill, in base units per second; set with <see cref="FlowCapacity"/>.</summary>
    /// <value>The default is null (no flow budget).</value>
    public UInt128? FlowRefillPerSecond { get; set; }

    /// <summary>Gets or sets the impact coefficient <c>Y</c> used when the venue gives none.</summary>
    /// <value>The default is null (<see cref="RebalancingOptions.ImpactCoefficient"/>).</value>
    public double? ImpactCoefficient { get; set; }

    /// <summary>
    /// Gets or sets how fast the hole this market's sales leave heals (its book's resilience), for the capacity the
    /// adaptive policy grants and the cost of waiting: a perp book can heal at a rate of its own.
    /// </summary>
    /// <value>The default is null (<see cref="RebalancingOptions.ImpactHalfLife"/>).</value>
    public TimeSpan? ImpactHalfLife { get; set; }

    /// <summary>Gets or sets whether the market weighs the cost of waiting (<see cref="RebalancingOptions.CostOfDelay"/>).</summary>
    /// <value>The default is null (<see cref="RebalancingOptions.CostOfDelay"/>).</value>
    public bool? CostOfDelay { get; set; }

    /// <summary>
    /// Gets or sets whether a perp market's hedges share its underlying's spot room: under the adaptive policy a perp
    /// market then grants no more than the spot book can take beside what the spot market's own grants hold in
    /// flight, because the basis trade (arbitrageurs buying a cheap perp and selling spot) carries a perp's flow into
    /// the spot price the oracle follows. Off, a perp market is sized from its own book alone, which is right only
    /// where nothing carries its impact into spot. Spot markets ignore it.
    /// </summary>
    /// <value>The default is null (true).</value>
    public bool? SharesSpotRoom { get; set; }
}
