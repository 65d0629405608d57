using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Tests.Portfolio;

public sealed class StressTestTests
{
    [Fact]
    public void Run_EthCrash_MovesEthAndPropagatesThroughOverriddenCorrelation()
    {
        var portfolio = new RiskPortfolio(
            [new RiskAsset("ETH", 2000, 0.8), new RiskAsset("BTC", 60000, 0.6)],
            new double[,] { { 1, 0.2 }, { 0.2, 1 } },
            [new SpotPosition(0, 10), new SpotPosition(1, 1)]);

        var sut = StressTest.Run(portfolio, StressCatalog.EthCrash);

        // BTC log move = ρ·σ_BTC/σ_ETH·ln(0.6) with ρ overridden to 0.9.
        var btcMove = Math.Exp(0.9 * 0.6 / 0.8 * Math.Log(0.6));
        Assert.Equal(1200, sut.StressedSpots[0], 1e-9);
        Assert.Equal(60000 * btcMove, sut.StressedSpots[1], 1e-6);
        Assert.Equal((10 * -800) + (60000 * (btcMove - 1)), sut.PnL, 1e-6);
        Assert.Equal("ETH −40%, vol ×2, correlations → 0.9", sut.Scenario);
    }

    [Fact]
    public void Run_VolSpike_LongOptionsGain()
    {
        var portfolio = new RiskPortfolio([new RiskAsset("ETH", 2000, 0.8)], new double[,] { { 1 } }, [new OptionPosition(0, 1, OptionType.Call, 2200, 0.25, 0.6)]);

        var sut = StressTest.Run(portfolio, StressCatalog.VolSpike);

        var expected = BlackScholes.Price(OptionType.Call, 2000, 2200, 0, 0, 1.8, 0.25) - BlackScholes.Price(OptionType.Call, 2000, 2200, 0, 0, 0.6, 0.25);
        Assert.Equal(expected, sut.PnL, 1e-9);
    }

    [Fact]
    public void Catalog_AllScenarios_RunOnPortfolioWithoutListedAssets()
    {
        var portfolio = new RiskPortfolio([new RiskAsset("SOL", 150, 1.0)], new double[,] { { 1 } }, [new SpotPosition(0, 1)]);

        Assert.All(StressCatalog.All, s => Assert.Equal(0.0, StressTest.Run(portfolio, s).PnL, 1e-12));
    }
}
