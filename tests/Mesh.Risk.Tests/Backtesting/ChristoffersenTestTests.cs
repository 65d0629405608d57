using Mesh.Risk.Backtesting;

namespace Mesh.Risk.Tests.Backtesting;

public sealed class ChristoffersenTestTests
{
    [Fact]
    public void Count_KnownSequence_CountsEveryConsecutivePair()
    {
        var sut = ExceptionTransitions.Count(Flags(20, 3, 4, 10, 15));

        Assert.Equal(new ExceptionTransitions(12, 3, 3, 1), sut);
    }

    // Hand-computed from the transition counts (Python math module): exceptions on days 3, 4, 10, 15 of 20 give
    // N00 = 12, N01 = 3, N10 = 3, N11 = 1 and LR_ind = 0.04606642320321086; four back-to-back exceptions on days 50–53
    // of 100 give N00 = 94, N01 = 1, N10 = 1, N11 = 3 and LR_ind = 17.91089453929443.
    [Theory]
    [InlineData(20, new[] { 3, 4, 10, 15 }, 0.04606642320321086, 0.83005510066424)]
    [InlineData(100, new[] { 50, 51, 52, 53 }, 17.91089453929443, 2.3149215957933978e-05)]
    public void Independence_HandComputedCase_MatchesStatisticAndPValue(int days, int[] exceptionDays, double statistic, double pValue)
    {
        var sut = ChristoffersenTest.Independence(Flags(days, exceptionDays));

        Assert.Equal(statistic, sut.Statistic, 1e-10);
        Assert.Equal(pValue, sut.PValue, 1e-10);
    }

    [Fact]
    public void Independence_ClusteredExceptions_RejectsWhereSpreadOnesPass()
    {
        var clustered = ChristoffersenTest.Independence(Flags(1000, 100, 101, 102, 500, 501, 502, 900, 901, 902, 903));
        var spread = ChristoffersenTest.Independence(Flags(1000, 50, 150, 250, 350, 450, 550, 650, 750, 850, 950));

        Assert.False(clustered.Passes());
        Assert.True(spread.Passes());
    }

    [Fact]
    public void Independence_NoExceptions_HasZeroStatistic()
    {
        var sut = ChristoffersenTest.Independence(new bool[250]);

        Assert.Equal(0.0, sut.Statistic);
        Assert.Equal(1.0, sut.PValue, 1e-12);
    }

    [Fact]
    public void ConditionalCoverage_KnownSequence_SumsKupiecAndIndependenceWithTwoDegreesOfFreedom()
    {
        // LR_POF(20, 4, 0.05) = 5.591146667306031, so LR_cc = 5.637213090509242 and p = e^(−LR/2) = 0.05968905878845864.
        var sut = ChristoffersenTest.ConditionalCoverage(Flags(20, 3, 4, 10, 15), 0.05);

        Assert.Equal(5.637213090509242, sut.Statistic, 1e-10);
        Assert.Equal(0.05968905878845864, sut.PValue, 1e-10);
        Assert.Equal(2, sut.DegreesOfFreedom);
    }

    private static bool[] Flags(int days, params int[] exceptionDays)
    {
        var flags = new bool[days];
        foreach (var day in exceptionDays)
        {
            flags[day] = true;
        }

        return flags;
    }
}
