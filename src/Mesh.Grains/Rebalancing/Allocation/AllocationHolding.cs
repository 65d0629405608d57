using Mesh.Oracles;
using Mesh.Risk.Volatility;

namespace Mesh.Grains.Rebalancing.Allocation;

/// <summary>One asset of a vault as the allocation policy sees it.</summary>
/// <param name="Asset">The asset.</param>
/// <param name="Amount">The balance in base units (zero for a stable asset the vault could buy but does not hold).</param>
/// <param name="Decimals">The token's decimals on the vault's chain.</param>
/// <param name="Snapshot">The oracle's snapshot the vault uses; null when it has none.</param>
/// <param name="Thresholds">The asset's regime thresholds (its oracle's <c>Regime</c> settings).</param>
internal sealed record AllocationHolding(string Asset, UInt128 Amount, int Decimals, OracleSnapshot? Snapshot, VolatilityRegimeOptions Thresholds);
