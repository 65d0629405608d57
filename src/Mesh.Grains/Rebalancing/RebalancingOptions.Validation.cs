namespace Mesh.Grains.Rebalancing;

/// <summary>The start-up check of <see cref="RebalancingOptions"/>.</summary>
public sealed partial class RebalancingOptions
{
    /// <summary>Checks the settings.</summary>
    /// <param name="assets">The mesh's assets: every market section must name one.</param>
    /// <exception cref="ArgumentException">Naming the first setting out of range.</exception>
    public void Validate(IReadOnlyCollection<string> assets)
    {
        ArgumentNullException.ThrowIfNull(assets);
        Require(Enum.IsDefined(Policy), nameof(Policy), $"must be Unbounded, StaticCaps or Adaptive; it is {Policy}");
        Require(GlobalCap is null || GlobalCap > UInt128.Zero, nameof(GlobalCap), "must be above zero (leave it unset for no global cap)");
        Require(double.IsFinite(ImpactBound) && ImpactBound > 0 && ImpactBound < 1, nameof(ImpactBound), $"must be above 0 and below 1; it is {ImpactBound}");
        Require(double.IsFinite(ImpactCoefficient) && ImpactCoefficient > 0, nameof(ImpactCoefficient), $"must be a finite number above 0; it is {ImpactCoefficient}");
        Require(PermanentImpactShare is >= 0 and <= 1, nameof(PermanentImpactShare), $"must be in [0, 1]; it is {PermanentImpactShare}");
        Require(ImpactHalfLife > TimeSpan.Zero, nameof(ImpactHalfLife), $"must be above zero; it is {ImpactHalfLife}");
        Require(DriftWindow > TimeSpan.Zero, nameof(DriftWindow), $"must be above zero; it is {DriftWindow}");
        Require(GrantTtl > TimeSpan.Zero, nameof(GrantTtl), $"must be above zero; it is {GrantTtl}");
        Require(QueueTtl > TimeSpan.Zero, nameof(QueueTtl), $"must be above zero; it is {QueueTtl}");
        Require(BatchWindow >= TimeSpan.Zero && BatchWindow <= TimeSpan.FromSeconds(1), nameof(BatchWindow), $"must be between 0 and 1 second; it is {BatchWindow}");
        Require(SweepInterval > TimeSpan.Zero, nameof(SweepInterval), $"must be above zero; it is {SweepInterval}");
        Require(ReminderPeriod > TimeSpan.Zero, nameof(ReminderPeriod), $"must be above zero; it is {ReminderPeriod}");
        Require(MaxQueued > 0, nameof(MaxQueued), $"must be above zero; it is {MaxQueued}");
        Require(RetainFinishedFor > TimeSpan.Zero, nameof(RetainFinishedFor), $"must be above zero; it is {RetainFinishedFor}");
        Require(RetainFinishedMax > 0, nameof(RetainFinishedMax), $"must be above zero; it is {RetainFinishedMax}");
        Check(Defaults, nameof(Defaults));
        foreach (var (asset, market) in Markets)
        {
            Require(assets.Contains(CoordinatorMarkets.Underlying(asset), StringComparer.Ordinal), $"{nameof(Markets)}:{asset}", $"names no asset of this mesh, nor an asset's perp ({string.Join(", ", assets.Select(a => $"{a}, {CoordinatorMarkets.Perp(a)}"))})");
            Check(market, $"{nameof(Markets)}:{asset}");
            var rules = For(asset, CoordinatorMarkets.Underlying(asset));
            Require(rules.Hole >= rules.Dust, $"{nameof(Markets)}:{asset}:{nameof(RebalanceMarketOptions.Hole)}", $"({rules.Hole}) must be at least the market's Dust ({rules.Dust})");
        }

        var defaults = For("\0", "\0");
        Require(defaults.Hole >= defaults.Dust, $"{nameof(Defaults)}:{nameof(RebalanceMarketOptions.Hole)}", $"({defaults.Hole}) must be at least Dust ({defaults.Dust})");
    }

    private static void Check(RebalanceMarketOptions market, string path)
    {
        Require(market.Policy is null || Enum.IsDefined(market.Policy.Value), $"{path}:{nameof(RebalanceMarketOptions.Policy)}", $"must be Unbounded, StaticCaps or Adaptive; it is {market.Policy}");
        Require(market.Hole is null || market.Hole > UInt128.Zero, $"{path}:{nameof(RebalanceMarketOptions.Hole)}", "must be above zero (leave it unset for no cap)");
        Require((market.FlowCapacity is null) == (market.FlowRefillPerSecond is null), $"{path}:{nameof(RebalanceMarketOptions.FlowCapacity)}", "and FlowRefillPerSecond must be set together");
        Require(market.FlowCapacity is null || market.FlowCapacity > UInt128.Zero, $"{path}:{nameof(RebalanceMarketOptions.FlowCapacity)}", "must be above zero");
        Require(market.FlowRefillPerSecond is null || market.FlowRefillPerSecond > UInt128.Zero, $"{path}:{nameof(RebalanceMarketOptions.FlowRefillPerSecond)}", "must be above zero");
        Require(market.ImpactCoefficient is null || (double.IsFinite(market.ImpactCoefficient.Value) && market.ImpactCoefficient > 0), $"{path}:{nameof(RebalanceMarketOptions.ImpactCoefficient)}", $"must be a finite number above 0; it is {market.ImpactCoefficient}");
        Require(market.ImpactHalfLife is null || market.ImpactHalfLife > TimeSpan.Zero, $"{path}:{nameof(RebalanceMarketOptions.ImpactHalfLife)}", $"must be above zero; it is {market.ImpactHalfLife}");
    }

    private static void Require(bool condition, string setting, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"{Section}:{setting} {problem}.");
        }
    }
}
