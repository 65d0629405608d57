using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The perp market's capacity: the square-root law on a book that remembers the flow it took.</summary>
public sealed class MemoryCapacityTests
{
    private const double Sigma = 0.06;
    private static readonly UInt128 Day = 1_000_000_000;

    [Fact]
    public void MemoryCapacity_RestedBook_IsThePlainCapacity()
    {
        var sut = CapacityModel.MemoryCapacity(Day, Day, Sigma, 1.0, 0.02);

        // Q = V·(bound ÷ Y·σ)² = V ÷ 9.
        Assert.InRange((double)sut, (1e9 / 9) - 2, 1e9 / 9);
        Assert.InRange((double)CapacityModel.Capacity(Day, Sigma, 1.0, 0.02) - (double)sut, 0, 2);
    }

    [Fact]
    public void MemoryCapacity_FlowHeld_TheMeanImpactOverTheAddedFlowIsTheBound()
    {
        var sut = CapacityModel.MemoryCapacity(Day, 980_000_000, Sigma, 1.0, 0.02);

        // x = 2% of the day held: the mean of 1.5·Y·σ·√u over [x, x + r] is 2%.
        var (x, r) = (0.02, (double)sut / 1e9);
        Assert.Equal(0.02, Sigma * (Math.Pow(x + r, 1.5) - Math.Pow(x, 1.5)) / r, 6);
        Assert.True(sut < CapacityModel.MemoryCapacity(Day, Day, Sigma, 1.0, 0.02) * 3 / 5, $"{sut}");
    }

    [Fact]
    public void MemoryCapacity_FlowHeldDisplacesByTheBoundAlready_IsZero()
    {
        // 1.5·Y·σ·√x = 2% at x = (0.02 ÷ 0.09)² ≈ 4.94% of the day.
        var x = Math.Pow(0.02 / (1.5 * Sigma), 2);

        Assert.Equal(UInt128.Zero, CapacityModel.MemoryCapacity(Day, (UInt128)(1e9 * (1 - x - 0.0001)), Sigma, 1.0, 0.02));
        Assert.True(CapacityModel.MemoryCapacity(Day, (UInt128)(1e9 * (1 - x + 0.001)), Sigma, 1.0, 0.02) > UInt128.Zero);
    }

    [Fact]
    public void MemoryCapacity_NoImpactOrNoDepth_IsUnboundedOrZero()
    {
        Assert.Equal(UInt128.MaxValue, CapacityModel.MemoryCapacity(Day, Day, 0.0, 1.0, 0.02));
        Assert.Equal(UInt128.Zero, CapacityModel.MemoryCapacity(UInt128.Zero, UInt128.Zero, Sigma, 1.0, 0.02));
    }
}
