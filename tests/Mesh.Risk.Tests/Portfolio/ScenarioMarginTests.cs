using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Tests.Portfolio;

public sealed class ScenarioMarginTests
{
    [Fact]
    public void Compute_LongPerp_WorstCaseIsFullDownMove()
    {
        var portfolio = new RiskPortfolio([new RiskAsset("ETH", 2000, 0.7)], new double[,] { { 1 } }, [new PerpPosition(0, 5)]);

        var sut = ScenarioMargin.Compute(portfolio);

        // 16 scenarios as in SPAN: 7 price points × 2 vol moves + 2 extremes at 35% of a 2× move (0.35 × 0.30 < 0.15).
        Assert.Equal(5 * 2000 * 0.15, sut.Margin, 1e-9);
        Assert.Equal(16, sut.Assets[0].Scenarios.Count);
        Assert.Equal(-0.15, sut.Assets[0].Worst.PriceMove, 1e-12);
    }

    [Fact]
    public void Compute_ShortStraddle_WorstCaseInvolvesVolUp()
    {
        var portfolio = new RiskPortfolio(
            [new RiskAsset("ETH", 2000, 0.7)],
            new double[,] { { 1 } },
            [new OptionPosition(0, -1, OptionType.Call, 2000, 0.1, 0.7), new OptionPosition(0, -1, OptionType.Put, 2000, 0.1, 0.7)]);

        var sut = ScenarioMargin.Compute(portfolio, new ScenarioMarginOptions { PriceScanRange = 0.05 });

        Assert.True(sut.Margin > 0);
        Assert.Equal(0.25, sut.Assets[0].Worst.VolMove, 1e-12);
    }

    [Fact]
    public void Compute_SeparateAssets_AddsScanningRisks()
    {
        var portfolio = new RiskPortfolio(
            [new RiskAsset("ETH", 2000, 0.7), new RiskAsset("BTC", 60000, 0.5)],
            new double[,] { { 1, 0.9 }, { 0.9, 1 } },
            [new PerpPosition(0, 1), new PerpPosition(1, -0.1)]);

        var sut = ScenarioMargin.Compute(portfolio);

        Assert.Equal((2000 * 0.15) + (6000 * 0.15), sut.Margin, 1e-9);
    }

    [Fact]
    public void Compute_InvalidOptions_Throws()
    {
        var portfolio = new RiskPortfolio([new RiskAsset("ETH", 2000, 0.7)], new double[,] { { 1 } }, []);

        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioMargin.Compute(portfolio, new ScenarioMarginOptions { PriceSteps = 0 }));
    }
}
