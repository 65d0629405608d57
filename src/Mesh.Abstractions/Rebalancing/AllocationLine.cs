using Mesh.Oracles;

namespace Mesh.Rebalancing;

/// <summary>One asset of an <see cref="AllocationAdvice"/>.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Stable">True for a stable asset (the policy's list).</param>
/// <param name="Amount">The vault's balance in base units.</param>
/// <param name="Decimals">The token's decimals on the vault's chain.</param>
/// <param name="Price">The oracle's price in USD; null when it has none.</param>
/// <param name="ValueUsd">Amount × price, USD.</param>
/// <param name="Weight">The share of the vault's collateral value now, in [0, 1].</param>
/// <param name="TargetWeight">The share once the advised sales are done.</param>
/// <param name="Sell">Base units of this (risky) asset to sell; zero when none.</param>
/// <param name="Buy">Base units of this (stable) asset the sales buy at the oracle's price; zero when none.</param>
/// <param name="Regime">This risky asset's regime in the advice's mode; null for a stable asset.</param>
/// <param name="Volatility">The annualized volatility that regime was read from (forecast or EWMA); null for a stable asset or without history.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.allocation-line")]
public sealed record AllocationLine(
    [property: Id(0)] string Asset,
    [property: Id(1)] bool Stable,
    [property: Id(2)] UInt128 Amount,
    [property: Id(3)] int Decimals,
    [property: Id(4)] double? Price,
    [property: Id(5)] double ValueUsd,
    [property: Id(6)] double Weight,
    [property: Id(7)] double TargetWeight,
    [property: Id(8)] UInt128 Sell,
    [property: Id(9)] UInt128 Buy,
    [property: Id(10)] MarketRegime? Regime,
    [property: Id(11)] double? Volatility);
