using Mesh.Grains.Markets;
using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The adaptive capacity and the cost of delay on a book that refills at a finite rate.</summary>
public sealed class BookCapacityTests
{
    private const double Sigma = 0.06;
    private const double Permanent = 2.0 / 3.0;
    private static readonly TimeSpan HalfLife = TimeSpan.FromMinutes(10);
    private static readonly double Revealed = BookImpact.RevealedFraction(HalfLife);

    [Fact]
    public void BookCapacity_FreshBook_ExpectedImpactOfTheCapacityIsTheBound()
    {
        var sut = CapacityModel.BookCapacity(1_000_000_000, 1_000_000_000, Sigma, 1.0, 0.02, Permanent, HalfLife);

        var r = (double)sut / 1e9;
        var impact = Sigma * ((Permanent * Math.Sqrt(r)) + ((1 - Permanent) * BookImpact.Mean(0, r, Revealed)));
        Assert.Equal(0.02, impact, 6);
        // Less than the square root allows (Q = V·(bound ÷ Y·σ)² = V ÷ 9): the block walks the book beyond its edge.
        Assert.True(sut < CapacityModel.Capacity(1_000_000_000, Sigma, 1.0, 0.02), $"book capacity {sut}");
    }

    [Fact]
    public void BookCapacity_DepthConsumedBySales_Shrinks()
    {
        var fresh = CapacityModel.BookCapacity(1_000_000_000, 1_000_000_000, Sigma, 1.0, 0.02, Permanent, HalfLife);
        var dug = CapacityModel.BookCapacity(1_000_000_000, 950_000_000, Sigma, 1.0, 0.02, Permanent, HalfLife);

        Assert.True(dug < fresh / 2, $"fresh {fresh}, after 5% of the day consumed {dug}");
    }

    [Fact]
    public void BookCapacity_HoleAlreadyDeeperThanTheBound_IsZero()
    {
        // The hole's marginal impact alone, (1 − φ)·Y·σ·Marginal(x), reaches 2% at x = Inverse(1) ≈ 12.3% of the day.
        var x = BookImpact.Inverse(0.02 / ((1 - Permanent) * Sigma), Revealed);
        var available = (UInt128)(1e9 * (1 - x - 0.001));

        Assert.Equal(UInt128.Zero, CapacityModel.BookCapacity(1_000_000_000, available, Sigma, 1.0, 0.02, Permanent, HalfLife));
    }

    [Fact]
    public void BookCapacity_NoVolatility_IsUnlimited() =>
        Assert.Equal(UInt128.MaxValue, CapacityModel.BookCapacity(1_000_000, 1_000_000, 0.0, 1.0, 0.02, Permanent, HalfLife));

    [Fact]
    public void DelayCost_BookCapacity_SellsUntilTheHolesMarginalCostIsTheFallOverOneHealingTime()
    {
        var fall = 0.01 / 60;
        var sut = DelayCost.BookCapacity(1_000_000, 400_000, Sigma, 1.0, fall, Permanent, HalfLife);

        var z = BookImpact.Inverse(fall / (Math.Log(2) / HalfLife.TotalSeconds * (1 - Permanent) * Sigma), Revealed);
        Assert.Equal((ulong)Math.Floor((1_000_000 * z) - 600_000), (ulong)sut);
    }

    [Fact]
    public void DelayCost_BookCapacity_NotFalling_IsZero() =>
        Assert.Equal(UInt128.Zero, DelayCost.BookCapacity(1_000_000, 1_000_000, Sigma, 1.0, 0.0, Permanent, HalfLife));
}
