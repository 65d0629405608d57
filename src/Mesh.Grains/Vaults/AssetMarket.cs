namespace Mesh.Grains.Vaults;

/// <summary>What a vault needs to know about one asset's market to value it.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Price">The oracle's aggregate price in USD (&gt; 0).</param>
/// <param name="AnnualVolatility">Annualized volatility used for haircuts and option repricing.</param>
/// <param name="DailyVolumeUsd">Market depth: the USD value of the asset that trades in a day (for the impact term).</param>
/// <param name="HaircutMultiplier">≥ 1; raised while the oracle's circuit breaker is open.</param>
/// <param name="Stale">True when the oracle has no fresh quorum.</param>
/// <param name="LongRunVolatility">The oracle's annualized long-run volatility, for the through-the-cycle haircut of anti-procyclicality; null when unknown.</param>
internal sealed record AssetMarket(string Asset, double Price, double AnnualVolatility, double DailyVolumeUsd, double HaircutMultiplier, bool Stale, double? LongRunVolatility = null);
