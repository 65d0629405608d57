using System.Collections.Concurrent;
using Mesh.Grains.Markets;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>A perp venue whose books' conditions the test sets (a test double of the perp seam; it trades nothing).</summary>
public sealed class FakePerpVenue : IPerpVenue
{
    private readonly ConcurrentDictionary<string, MarketConditions> _books = new(StringComparer.Ordinal);

    public void Set(string underlying, UInt128 depth, double dailyVolatility, decimal mark) =>
        _books[underlying] = new MarketConditions(underlying, "USDC", mark, depth, dailyVolatility, 1.0, TimeProvider.System.GetUtcNow());

    public MarketConditions? Conditions(string underlying) => _books.GetValueOrDefault(underlying);

    public Task<PerpFill> TradeAsync(PerpOrder order, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The coordinator never trades.");
}
