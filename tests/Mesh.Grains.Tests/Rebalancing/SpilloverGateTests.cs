using Mesh.Grains.Rebalancing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>
/// The spillover gate's arithmetic (Y = 1, φ = 2/3, so the lasting impact of a fraction z of the day's depth is
/// σ·√z): a round passes when the margin it frees, q·(h − s) (q·(h − h′ − s·(1 − h′)) for a shift whose proceeds stay
/// as collateral at a haircut h′), is at least what its lasting impact marks off the rest of
/// the mesh's holdings after haircuts, (1 − h)·(H − q)·σ·(√(u + q/V) − √u).
/// </summary>
public sealed class SpilloverGateTests
{
    private const double Phi = 2.0 / 3.0;

    [Fact]
    public void Weigh_MeshHoldsDaysOfTheMarketsDepth_PartialSaleMarksOffMoreThanItFreesAndIsHeld()
    {
        // 104,000 WETH held against a day's depth of 40,000; a round of 1,000 at a 20% haircut and 1% execution cost.
        var (freed, spillover, passes) = SpilloverGate.Weigh(1_000, 104_000, 0.2, 0.0, 0.01, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.Equal(1_000 * 0.19, freed, 9);
        Assert.Equal(0.8 * 103_000 * 0.06 * Math.Sqrt(0.025), spillover, 6); // 781.6
        Assert.False(passes);
    }

    [Fact]
    public void Weigh_MeshHoldsLittleOfTheMarketsDepth_SaleFreesMoreThanItMarksOffAndPasses()
    {
        // 400 WETH held against 40,000 a day: the same round's lasting impact marks off almost nothing of the rest.
        var (freed, spillover, passes) = SpilloverGate.Weigh(100, 400, 0.2, 0.0, 0.01, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.Equal(0.8 * 300 * 0.06 * Math.Sqrt(0.0025), spillover, 9); // 0.72
        Assert.True(freed > spillover && passes, $"freed {freed}, spillover {spillover}");
    }

    [Fact]
    public void Weigh_MeshHoldsOnePercentOfTheDaysDepth_RoundsBelowTheThresholdAreHeldAndAboveItPass()
    {
        // q* = V·((1 − h)·(H/V)·σ/(h − s))² = 40,000·(0.8·0.01·0.06/0.19)² ≈ 0.255 WETH (with H − q ≈ H).
        UInt128 weth = 1_000_000_000_000_000_000UL;
        var threshold = 40_000 * Math.Pow(0.8 * 0.01 * 0.06 / 0.19, 2);
        Assert.InRange(threshold, 0.25, 0.26);

        var below = SpilloverGate.Weigh(weth / 10, 400 * weth, 0.2, 0.0, 0.01, 40_000 * weth, 0.06, 1.0, Phi, 0.0);
        var above = SpilloverGate.Weigh(weth / 2, 400 * weth, 0.2, 0.0, 0.01, 40_000 * weth, 0.06, 1.0, Phi, 0.0);

        Assert.False(below.Passes, $"0.1 WETH: freed {below.Freed}, spillover {below.Spillover}");
        Assert.True(above.Passes, $"0.5 WETH: freed {above.Freed}, spillover {above.Spillover}");
    }

    [Fact]
    public void Weigh_WholeHoldingSold_NothingLeftToMarkDownAndPasses()
    {
        var (freed, spillover, passes) = SpilloverGate.Weigh(104_000, 104_000, 0.2, 0.0, 0.1, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.Equal((0.0, true), (spillover, passes));
        Assert.Equal(104_000 * 0.1, freed, 6);
    }

    [Fact]
    public void Weigh_AfterTheMeshHasAbsorbedSales_TheSameRoundMarksOffLess()
    {
        // The square-root law is concave in what was absorbed: the first units move the price the most.
        var fresh = SpilloverGate.Weigh(1_000, 104_000, 0.2, 0.0, 0.01, 40_000, 0.06, 1.0, Phi, 0.0).Spillover;
        var later = SpilloverGate.Weigh(1_000, 104_000, 0.2, 0.0, 0.01, 40_000, 0.06, 1.0, Phi, 0.5).Spillover;

        Assert.Equal(0.8 * 103_000 * 0.06 * (Math.Sqrt(0.525) - Math.Sqrt(0.5)), later, 6);
        Assert.True(later < fresh / 5, $"after half a day's depth absorbed {later}, fresh {fresh}");
    }

    [Fact]
    public void Weigh_ExecutionCostAboveTheHaircut_FreesNothingAndIsHeldEvenWithoutSpillover()
    {
        var (freed, _, passes) = SpilloverGate.Weigh(100, 100, 0.05, 0.0, 0.08, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.True(freed < 0 && !passes, $"freed {freed}");
    }

    [Fact]
    public void Weigh_ShiftKeepsItsProceedsAsCollateral_FreesTheHaircutsDifferenceLessTheCostOnWhatItKeeps()
    {
        // A unit of WETH at a 20% haircut goes and 0.99 of it comes back as USDC at a 5% haircut: the vault's collateral
        // after haircuts grows by 0.99·0.95 − 0.8 = 0.1405 a unit, where a repayment frees 0.19.
        var (freed, _, _) = SpilloverGate.Weigh(100, 400, 0.2, 0.05, 0.01, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.Equal(100 * (0.2 - 0.05 - (0.01 * 0.95)), freed, 9);
    }

    [Fact]
    public void Weigh_RoundThatPassesWhenItsProceedsRepayDebt_IsHeldWhenTheyStayAsCollateralWithAHaircutOfTheirOwn()
    {
        // 0.5 WETH passes as a repayment (q* ≈ 0.255 WETH); kept as USDC at a 10% haircut it frees 0.091 a unit, not
        // 0.19, and q* = 40,000·(0.8·0.01·0.06/0.091)² ≈ 1.11 WETH.
        UInt128 weth = 1_000_000_000_000_000_000UL;
        var repay = SpilloverGate.Weigh(weth / 2, 400 * weth, 0.2, 0.0, 0.01, 40_000 * weth, 0.06, 1.0, Phi, 0.0);
        var shift = SpilloverGate.Weigh(weth / 2, 400 * weth, 0.2, 0.1, 0.01, 40_000 * weth, 0.06, 1.0, Phi, 0.0);
        var larger = SpilloverGate.Weigh(2 * weth, 400 * weth, 0.2, 0.1, 0.01, 40_000 * weth, 0.06, 1.0, Phi, 0.0);

        Assert.True(repay.Passes, $"repay: freed {repay.Freed}, spillover {repay.Spillover}");
        Assert.Equal(repay.Spillover, shift.Spillover, 9);
        Assert.False(shift.Passes, $"shift: freed {shift.Freed}, spillover {shift.Spillover}");
        Assert.True(larger.Passes, $"2 WETH shift: freed {larger.Freed}, spillover {larger.Spillover}");
    }

    [Fact]
    public void Weigh_ShiftIntoAnAssetHaircutAsMuchAsTheOneSold_FreesNothingAndIsHeld()
    {
        var (freed, _, passes) = SpilloverGate.Weigh(100, 400, 0.2, 0.2, 0.0, 40_000, 0.06, 1.0, Phi, 0.0);

        Assert.Equal((0.0, false), (freed, passes));
    }

    [Theory]
    [InlineData(0.0, 1.0, 40_000)] // no volatility
    [InlineData(0.06, 0.0, 40_000)] // no impact coefficient
    [InlineData(0.06, 1.0, 0)]      // no depth known
    public void Weigh_NoImpactLaw_NoSpilloverAndPasses(double sigma, double coefficient, long depth)
    {
        var (_, spillover, passes) = SpilloverGate.Weigh(1_000, 104_000, 0.2, 0.0, 0.01, (UInt128)depth, sigma, coefficient, Phi, 0.0);

        Assert.Equal((0.0, true), (spillover, passes));
    }
}
