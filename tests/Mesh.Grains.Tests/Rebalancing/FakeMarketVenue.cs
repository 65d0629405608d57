using System.Collections.Concurrent;
using Mesh.Grains.Markets;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>A venue whose conditions the test sets (a test double of the market seam; it sells nothing).</summary>
public sealed class FakeMarketVenue : IMarketVenue
{
    private readonly ConcurrentDictionary<string, MarketConditions> _markets = new(StringComparer.Ordinal);

    public void Set(string asset, UInt128 depth, double dailyVolatility, decimal mid, double coefficient = 1.0) =>
        _markets[asset] = new MarketConditions(asset, "USDC", mid, depth, dailyVolatility, coefficient, TimeProvider.System.GetUtcNow());

    public void Remove(string asset) => _markets.TryRemove(asset, out _);

    public MarketConditions? Conditions(string asset) => _markets.GetValueOrDefault(asset);

    public Task<MarketFill?> SellAsync(MarketOrder order, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The coordinator never sells.");
}
