using FsCheck;
using FsCheck.Fluent;
using Mesh.Errors;
using Mesh.Grains.Markets;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>Idempotency, concurrency, splitting, invariants and bad input.</summary>
public sealed class SimulatedMarketVenueOrderTests
{
    [Fact]
    public async Task SellAsync_SameOrderTwice_ReturnsTheSameFillAndSellsOnce()
    {
        var (sut, time) = Create();
        var first = await sut.FilledAsync(Order("o-1", Weths(100)));
        time.Advance(TimeSpan.FromMinutes(1));

        var again = await sut.FilledAsync(Order("o-1", Weths(100)));

        Assert.Equal(first, again);
        Assert.Equal(Weths(100), sut.State(Weth).CumulativeSold);
        Assert.Single(sut.Fills(Weth));
    }

    [Fact]
    public async Task SellAsync_OrderIdReusedForADifferentOrder_IsAConflict()
    {
        var (sut, _) = Create();
        await sut.FilledAsync(Order("o-1", Weths(100)));

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order("o-1", Weths(101))));

        Assert.Equal(MeshErrorKind.Conflict, e.Kind);
        Assert.Equal("market.order_id_reused", e.Code);
        Assert.Equal(Weths(100), sut.State(Weth).CumulativeSold);
    }

    [Fact]
    public async Task SellAsync_ManyParallelSellers_TotalsExactAndMidOnlyFalls()
    {
        var (sut, _) = Create();
        var orders = Enumerable.Range(0, 2_000).Select(i => Order($"o-{i}", Weths(1) + (UInt128)(ulong)(i * 1_000_003))).ToList();

        var fills = await Task.WhenAll(orders.Select(o => Task.Run(() => sut.FilledAsync(o))));
        // Replays on other threads must not sell again.
        await Task.WhenAll(orders.Take(200).Select(o => Task.Run(() => sut.FilledAsync(o))));

        var state = sut.State(Weth);
        var expectedSold = orders.Aggregate(UInt128.Zero, (sum, o) => sum + o.Quantity);
        Assert.Equal(expectedSold, state.CumulativeSold);
        Assert.Equal(fills.Aggregate(UInt128.Zero, (sum, f) => sum + f.Proceeds), state.CumulativeProceeds);
        Assert.Equal(2_000, state.Fills);
        var history = sut.Fills(Weth);
        Assert.All(history, f => Assert.True(f.MidAfter <= f.MidBefore && f.AveragePrice <= f.MidBefore));
        Assert.All(history.Zip(history.Skip(1)), p => Assert.Equal(p.First.MidAfter, p.Second.MidBefore));
        Assert.True(state.MidPrice < 2_000m);
    }

    [Fact]
    public async Task SellAsync_ABlockSplitIntoConcurrentChildren_PaysWhatTheBlockPays()
    {
        var (block, _) = Create();
        var (split, _) = Create();

        var blockFill = await block.FilledAsync(Order("block", Weths(1_000)));
        var children = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => split.FilledAsync(Order($"child-{i}", Weths(25)))));

        var childProceeds = children.Aggregate(UInt128.Zero, (sum, f) => sum + f.Proceeds);
        Assert.True(Relative((double)childProceeds, (double)blockFill.Proceeds) < 1e-9, $"{childProceeds} vs {blockFill.Proceeds}");
        Assert.True(Relative((double)split.State(Weth).MidPrice, (double)blockFill.MidAfter) < 1e-9);
        Assert.True(Relative((double)split.State(Weth).CumulativeShortfall, (double)block.State(Weth).CumulativeShortfall) < 1e-6);
        Assert.True(split.State(Weth).CumulativeSlippage < block.State(Weth).CumulativeSlippage); // each child's own mid had already moved
    }

    [Fact]
    public void SellAsync_AnySequenceOfSales_NeverFillsAboveTheMidAndNeverRaisesIt()
    {
        var sales = Gen.Choose(1, 5_000).Select(w => (long)w).ListOf().Where(l => l.Count is > 0 and < 40);
        Prop.ForAll(sales.ToArbitrary(), quantities =>
        {
            var (sut, time) = Create();
            var i = 0;
            foreach (var weth in quantities)
            {
                var fill = sut.FilledAsync(Order($"o-{i++}", Weths(weth))).GetAwaiter().GetResult();
                if (fill.AveragePrice > fill.MidBefore || fill.MidAfter > fill.MidBefore || fill.Proceeds != ExpectedProceeds(fill))
                {
                    return false;
                }

                time.Advance(TimeSpan.FromSeconds(weth % 300));
            }

            return sut.State(Weth).CumulativeSold == quantities.Aggregate(UInt128.Zero, (s, w) => s + Weths(w));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public async Task SellAsync_ZeroQuantity_IsAValidationFailure()
    {
        var (sut, _) = Create();

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order("o-1", UInt128.Zero)));

        Assert.Equal(MeshErrorKind.Validation, e.Kind);
        Assert.Equal("market.quantity_zero", e.Code);
        Assert.Equal("quantity", e.Field);
    }

    [Fact]
    public async Task SellAsync_UnknownAsset_IsNotFound()
    {
        var (sut, _) = Create();

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order("o-1", Weths(1), "WBTC")));

        Assert.Equal(MeshErrorKind.NotFound, e.Kind);
        Assert.Equal("market.unknown_asset", e.Code);
        Assert.Null(sut.Conditions("WBTC"));
        Assert.Throws<MeshException>(() => sut.State("WBTC"));
        Assert.Throws<MeshException>(() => sut.SetExogenous("WBTC", 1m));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task SellAsync_BlankOrderId_IsAValidationFailure(string id)
    {
        var (sut, _) = Create();

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order(id, Weths(1))));

        Assert.Equal("market.order_id_required", e.Code);
    }

    [Fact]
    public async Task SellAsync_QuantityBeyondExactPricing_IsRefusedWithoutSelling()
    {
        var (sut, _) = Create();

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order("o-1", UInt128.MaxValue)));

        Assert.Equal("market.quantity_too_large", e.Code);
        Assert.Equal(UInt128.Zero, sut.State(Weth).CumulativeSold);
    }

    [Fact]
    public async Task SellAsync_Cancelled_Throws()
    {
        var (sut, _) = Create();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sut.SellAsync(Order("o-1", Weths(1)), new CancellationToken(true)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void SetExogenous_BadDepthMultiplier_Throws(double multiplier)
    {
        var (sut, _) = Create();

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.SetExogenous(Weth, 2_000m, multiplier));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.SetExogenous(Weth, 0m));
    }

    [Fact]
    public void Create_SettingOutOfRange_NamesIt()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SimulatedMarket.Create(Options(m => m.PermanentImpactFraction = 1.5), TimeProvider.System));

        Assert.Contains("Markets:WETH:PermanentImpactFraction", e.Message, StringComparison.Ordinal);
    }
}
