using Mesh.Oracles;
using Mesh.Vaults;

namespace Mesh.Rebalancing;

/// <summary>
/// What a vault's allocation policy advises now: the share of its collateral in stable assets against the floor its
/// volatility regime sets, and, when the vault is below that floor by more than the tolerance and the move is worth
/// making, how much of each risky asset to sell (pro rata) into a stable asset to reach it. Advice only: nothing moves.
/// </summary>
/// <param name="Vault">The vault.</param>
/// <param name="Predictive">True when the regime is the forecast's (GARCH, as the oracle publishes it); false for the realized (EWMA) one.</param>
/// <param name="Regime">The regime used: the most stressed of the risky assets the vault holds (calm when it holds none).</param>
/// <param name="CollateralValueUsd">Σ balance × oracle price over the vault's assets, USD, before haircuts.</param>
/// <param name="StableWeight">The share of that value in stable assets now, in [0, 1].</param>
/// <param name="MinStableWeight">The floor the regime sets for the stable share.</param>
/// <param name="TargetStableWeight">The stable share once the advised sales are done (the current one when there are none).</param>
/// <param name="Rebalance">True when the advice is to sell.</param>
/// <param name="Reason">
/// A stable code: <c>rebalance</c>; or why not: <c>at_or_above_target</c>, <c>within_tolerance</c>,
/// <c>below_minimum_change</c>, <c>no_collateral</c>, <c>no_price</c> (an asset held has no oracle price) or
/// <c>no_stable_asset</c> (no stable asset of the chain to sell into).
/// </param>
/// <param name="SellValueUsd">The value of the advised sales, USD (0 without them).</param>
/// <param name="Assets">Per asset held (and the stable asset bought), in ordinal order.</param>
/// <param name="Stale">True when a price it used is stale (no fresh quorum): the advice is as of the last good price.</param>
/// <param name="ComputedAt">When it was computed.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.allocation-advice")]
public sealed record AllocationAdvice(
    [property: Id(0)] VaultKey Vault,
    [property: Id(1)] bool Predictive,
    [property: Id(2)] MarketRegime Regime,
    [property: Id(3)] double CollateralValueUsd,
    [property: Id(4)] double StableWeight,
    [property: Id(5)] double MinStableWeight,
    [property: Id(6)] double TargetStableWeight,
    [property: Id(7)] bool Rebalance,
    [property: Id(8)] string Reason,
    [property: Id(9)] double SellValueUsd,
    [property: Id(10)] IReadOnlyList<AllocationLine> Assets,
    [property: Id(11)] bool Stale,
    [property: Id(12)] DateTimeOffset ComputedAt);
