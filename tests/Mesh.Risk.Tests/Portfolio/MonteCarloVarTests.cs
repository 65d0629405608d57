using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Tests.Portfolio;

public sealed class MonteCarloVarTests
{
    // Normal P&L with σ = 1: VaR99 = 2.3263σ, ES99 = φ(z)/0.01 = 2.6652σ, VaR95 = 1.6449σ, ES95 = 2.0627σ.
    [Fact]
    public void Run_SingleNormalPosition_ReproducesClosedFormsWithinStatisticalError()
    {
        var sigmaAnnual = 0.01 * Math.Sqrt(365); // 1% daily on spot 100 → σ_P&L = 1
        var portfolio = new RiskPortfolio([new RiskAsset("ETH", 100, sigmaAnnual)], new double[,] { { 1 } }, [new SpotPosition(0, 1)]);
        var options = new MonteCarloVarOptions { Paths = 200_000, Seed = 42, ReturnModel = ReturnModel.Normal };

        var sut = MonteCarloVar.Run(portfolio, options);

        AssertWithin(2.3263, sut.Var99, sut.Var99StdError);
        AssertWithin(2.6652, sut.Es99, sut.Es99StdError);
        AssertWithin(1.6449, sut.Var95, sut.Var95StdError);
        AssertWithin(2.0627, sut.Es95, sut.Es95StdError);
        Assert.InRange(sut.Var99StdError, 1e-4, 0.03);
    }

    [Fact]
    public void Run_CorrelatedMultiAsset_MatchesDeltaNormalVar()
    {
        var c = CholeskyTests.RandomCorrelation(5, seed: 9);
        var assets = Enumerable.Range(0, 5).Select(i => new RiskAsset($"A{i}", 50 + (10 * i), 0.3 + (0.1 * i))).ToArray();
        double[] q = [3, -2, 1.5, 4, -1];
        var portfolio = new RiskPortfolio(assets, c, [.. q.Select((x, i) => (Position)new PerpPosition(i, x))]);
        var options = new MonteCarloVarOptions { Paths = 200_000, Seed = 7, ReturnModel = ReturnModel.Normal };
        var h = 1.0 / 365;
        var variance = 0.0;
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                variance += q[i] * assets[i].Spot * assets[i].Volatility * q[j] * assets[j].Spot * assets[j].Volatility * c[i, j] * h;
            }
        }

        var sut = MonteCarloVar.Run(portfolio, options);

        AssertWithin(2.3263 * Math.Sqrt(variance), sut.Var99, sut.Var99StdError);
        AssertWithin(2.6652 * Math.Sqrt(variance), sut.Es99, sut.Es99StdError);
    }

    [Fact]
    public void Run_SameSeed_IsReproducible()
    {
        var portfolio = OptionPortfolio();
        var options = new MonteCarloVarOptions { Paths = 2_000, Seed = 3, VolOfVol = 1.0 };

        Assert.Equal(MonteCarloVar.Run(portfolio, options), MonteCarloVar.Run(portfolio, options));
    }

    [Fact]
    public void Run_ShortPutsFullyRepriced_LossTailExceedsDeltaApproximation()
    {
        // A short OTM put book is short gamma: its true 99% loss exceeds the delta-normal estimate.
        var portfolio = OptionPortfolio();
        var sut = MonteCarloVar.Run(portfolio, new MonteCarloVarOptions { Paths = 100_000, Seed = 1, HorizonDays = 5 });
        var delta = BlackScholes.Greeks(OptionType.Put, 2000, 1800, 0.0, 0.0, 0.8, 30.0 / 365).Delta * -10;
        var deltaNormal = 2.3263 * Math.Abs(delta) * 2000 * 0.7 * Math.Sqrt(5.0 / 365);

        Assert.True(sut.Es99 >= sut.Var99 && sut.Var99 >= sut.Var95);
        Assert.True(sut.Var99 > deltaNormal, $"{sut.Var99} vs {deltaNormal}");
    }

    [Fact]
    public void Run_TooFewPaths_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MonteCarloVar.Run(OptionPortfolio(), new MonteCarloVarOptions { Paths = 10 }));
    }

    internal static RiskPortfolio OptionPortfolio() => new(
        [new RiskAsset("ETH", 2000, 0.7), new RiskAsset("BTC", 60000, 0.5)],
        new double[,] { { 1, 0.8 }, { 0.8, 1 } },
        [new OptionPosition(0, -10, OptionType.Put, 1800, 30.0 / 365, 0.8), new SpotPosition(1, 0.0)]);

    private static void AssertWithin(double expected, double actual, double standardError) =>
        Assert.True(Math.Abs(actual - expected) <= 4 * standardError, $"{actual} vs {expected} (SE {standardError})");
}
