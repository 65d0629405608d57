using Mesh.Errors;
using static Mesh.Grains.Tests.Markets.MarketFixture;

namespace Mesh.Grains.Tests.Markets;

/// <summary>Batch clearing (the orders of one instant fill together at one price) and a mid that shows the book's hole.</summary>
public sealed class SimulatedMarketVenueBatchTests
{
    private static readonly int[] Shuffled = [3, 0, 6, 1, 5, 2, 4];

    [Fact]
    public async Task SellAsync_BatchClearing_NoFillUntilTheInstantEndsThenOnePriceForAll()
    {
        var (sut, time) = Create(batchClearing: true);

        var first = await sut.SellAsync(Order("o-1", Weths(100)));
        var second = await sut.SellAsync(Order("o-2", Weths(300)));
        var again = await sut.SellAsync(Order("o-1", Weths(100)));

        Assert.Null(first);
        Assert.Null(second);
        Assert.Null(again);
        Assert.Equal(UInt128.Zero, sut.State(Weth).CumulativeSold);

        time.Advance(TimeSpan.FromSeconds(1));
        var one = (await sut.SellAsync(Order("o-1", Weths(100))))!;
        var two = (await sut.SellAsync(Order("o-2", Weths(300))))!;

        Assert.Equal(one.AveragePrice, two.AveragePrice);
        Assert.Equal(ExpectedProceeds(one), one.Proceeds);
        Assert.Equal(ExpectedProceeds(two), two.Proceeds);
        Assert.Equal(Weths(400), sut.State(Weth).CumulativeSold);
        Assert.Equal(one.Proceeds + two.Proceeds, sut.State(Weth).CumulativeProceeds);
    }

    [Fact]
    public async Task SellAsync_BatchOfManyOrders_PaysWhatOneBlockOfTheTotalPays()
    {
        var (batched, time) = Create(batchClearing: true);
        var (block, _) = Create();
        foreach (var i in Enumerable.Range(0, 40))
        {
            await batched.SellAsync(Order($"child-{i}", Weths(25)));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        var blockFill = await block.FilledAsync(Order("block", Weths(1_000)));

        var child = (await batched.SellAsync(Order("child-7", Weths(25))))!;
        Assert.Equal(blockFill.AveragePrice, child.AveragePrice);
        Assert.Equal(block.State(Weth).MidPrice, batched.State(Weth).MidPrice);
    }

    [Fact]
    public async Task SellAsync_SameBatchInAnyArrivalOrder_SameFills()
    {
        var sizes = new long[] { 12, 250, 3, 77, 140, 9, 31 };
        async Task<Dictionary<string, UInt128>> RunAsync(IEnumerable<int> order)
        {
            var (sut, time) = Create(batchClearing: true);
            foreach (var i in order)
            {
                await sut.SellAsync(Order($"o-{i}", Weths(sizes[i])));
            }

            time.Advance(TimeSpan.FromSeconds(15));
            return sut.Fills(Weth).ToDictionary(f => f.OrderId, f => f.Proceeds);
        }

        var forward = await RunAsync(Enumerable.Range(0, sizes.Length));
        var backward = await RunAsync(Enumerable.Range(0, sizes.Length).Reverse());
        var shuffled = await RunAsync(Shuffled);

        Assert.Equal(forward, backward);
        Assert.Equal(forward, shuffled);
    }

    [Fact]
    public async Task SellAsync_BatchClearing_IdReusedWhileWaiting_IsAConflict()
    {
        var (sut, _) = Create(batchClearing: true);
        await sut.SellAsync(Order("o-1", Weths(100)));

        var e = await Assert.ThrowsAsync<MeshException>(() => sut.SellAsync(Order("o-1", Weths(101))));

        Assert.Equal(MeshErrorKind.Conflict, e.Kind);
    }

    [Fact]
    public async Task State_MidIncludesTransientImpact_ShowsTheHoleThenHealsToThePermanentMid()
    {
        var (withHole, time) = Create(m => m.MidIncludesTransientImpact = true);
        var (permanentOnly, otherTime) = Create();
        await withHole.FilledAsync(Order("o-1", Weths(500)));
        await permanentOnly.FilledAsync(Order("o-1", Weths(500)));

        var justAfter = withHole.State(Weth).MidPrice;
        Assert.True(justAfter < permanentOnly.State(Weth).MidPrice, $"{justAfter} should be below the permanent-only mid {permanentOnly.State(Weth).MidPrice}");

        time.Advance(TimeSpan.FromMinutes(10));
        var oneHalfLife = withHole.State(Weth).MidPrice;
        time.Advance(TimeSpan.FromHours(10));
        otherTime.Advance(TimeSpan.FromHours(10));

        Assert.True(oneHalfLife > justAfter && oneHalfLife < permanentOnly.State(Weth).MidPrice);
        Assert.Equal((double)permanentOnly.State(Weth).MidPrice, (double)withHole.State(Weth).MidPrice, 6);
    }
}
