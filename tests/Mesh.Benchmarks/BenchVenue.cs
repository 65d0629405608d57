using Mesh.Grains.Markets;

namespace Mesh.Benchmarks;

/// <summary>A fixed market for the rebalancing benchmark (a test double of the venue): WETH only, depth 2,000 WETH a day, σ_daily 1%, Y = 1.</summary>
internal sealed class BenchVenue : IMarketVenue
{
    private static readonly UInt128 Depth = (UInt128)2_000 * 1_000_000_000_000_000_000UL;

    public MarketConditions? Conditions(string asset) =>
        asset == "WETH" ? new MarketConditions(asset, "USDC", 2_000m, Depth, 0.01, 1.0, TimeProvider.System.GetUtcNow()) : null;

    public Task<MarketFill?> SellAsync(MarketOrder order, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The benchmark sells nothing.");
}
