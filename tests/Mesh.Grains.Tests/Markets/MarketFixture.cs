using System.Numerics;
using Mesh.Grains.Markets;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Markets;

/// <summary>A WETH/USDC market as the mesh has it: 18 and 6 decimals, mid 2,000, 10,000 WETH of depth a day, σ 5%, Y 1.</summary>
internal static class MarketFixture
{
    internal const string Weth = "WETH";

    internal static readonly UInt128 OneWeth = UInt128.Parse("1000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    internal static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    internal static UInt128 Weths(long whole) => (UInt128)whole * OneWeth;

    internal static SimulatedMarketOptions Options(Action<SimulatedAssetMarketOptions>? configure = null)
    {
        var market = new SimulatedAssetMarketOptions
        {
            QuoteAsset = "USDC",
            StartMidPrice = 2_000m,
            BaselineDepth = Weths(10_000),
            DailyVolatility = 0.05,
            ImpactCoefficient = 1.0,
            DepthRecoveryHalfLife = TimeSpan.FromMinutes(10),
            AssetDecimals = 18,
            QuoteDecimals = 6,
        };
        configure?.Invoke(market);
        var options = new SimulatedMarketOptions();
        options.Assets.Add(Weth, market);
        return options;
    }

    internal static (ISimulatedMarketVenue Venue, FakeTimeProvider Time) Create(Action<SimulatedAssetMarketOptions>? configure = null, bool batchClearing = false, double liquidationBonus = 0)
    {
        var time = new FakeTimeProvider(Start);
        var options = Options(configure);
        options.BatchClearing = batchClearing;
        options.LiquidationBonus = liquidationBonus;
        return (SimulatedMarket.Create(options, time), time);
    }

    internal static MarketOrder Order(string id, UInt128 quantity, string asset = Weth) => new(id, asset, quantity, "vault/p1/chain-a");

    /// <summary>The proceeds the fill's own average price implies, rounded down: what the venue must have paid.</summary>
    internal static UInt128 ExpectedProceeds(MarketFill fill) =>
        (UInt128)decimal.Floor((decimal)fill.Sold / 1_000_000_000_000_000_000m * fill.AveragePrice * 1_000_000m);

    internal static double Relative(double actual, double expected) => Math.Abs(actual - expected) / Math.Abs(expected);

    internal static BigInteger Big(UInt128 value) => (BigInteger)value;

    /// <summary>Sells on a venue that fills at once, and fails the test if it did not.</summary>
    internal static async Task<MarketFill> FilledAsync(this IMarketVenue venue, MarketOrder order, CancellationToken cancellationToken = default) =>
        await venue.SellAsync(order, cancellationToken) ?? throw new Xunit.Sdk.XunitException($"Order {order.OrderId} did not fill at once.");
}
