using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Distributions;
using Mesh.Risk.Var;

namespace Mesh.Risk.Tests.Var;

public sealed class OneDayVarTests
{
    [Fact]
    public void ScaleToHorizon_AnyVarAndHorizon_ScalesTheLogQuantileBySquareRootOfTime()
    {
        var gen = from v in Gen.Choose(1, 5_000).Select(i => i / 10_000.0)
                  from h in Gen.Choose(1, 3650).Select(i => i / 10.0)
                  select (v, h);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var (v, h) = t;
            var scaled = OneDayVar.ScaleToHorizon(v, h);
            var expected = Math.Sqrt(h) * Math.Log(1.0 - v);
            return Math.Abs(Math.Log(1.0 - scaled) - expected) < 1e-9 * Math.Max(1.0, Math.Abs(expected))
                && (h < 1.0 ? scaled <= v : scaled >= v) && scaled < 1.0;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void ScaleToHorizon_OneDay_IsIdentity()
    {
        Assert.Equal(0.0731, OneDayVar.ScaleToHorizon(0.0731, 1.0), 1e-15);
        Assert.Throws<ArgumentOutOfRangeException>(() => OneDayVar.ScaleToHorizon(1.0, 2.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneDayVar.ScaleToHorizon(0.05, 0.0));
    }

    [Fact]
    public void Forecast_IidNormalReturns_IsNearTheTrueNormalQuantile()
    {
        // 2,000 i.i.d. N(0, 3%²) days: a GARCH fit finds almost no clustering, and the fitted t has large ν, so the
        // 99% VaR is close to 1 − exp(3% · Φ⁻¹(1%)) = 6.74%.
        var returns = Normal(2000, 0.03, seed: 7);

        var sut = OneDayVar.Forecast(returns);

        var truth = 1.0 - Math.Exp(0.03 * NormalDistribution.InverseCdf(0.01));
        Assert.Equal(truth, sut, 0.1 * truth);
    }

    [Fact]
    public void Forecast_HigherConfidence_GivesLargerVarForEveryModel()
    {
        var returns = Normal(600, 0.04, seed: 11);
        foreach (var model in new[] { VarModels.NormalEwma(), VarModels.GarchNormal(), VarModels.GarchStudentT(), VarModels.FilteredHistoricalSimulation() })
        {
            var fitted = model.Fit(returns);
            var v95 = fitted.Forecast(returns, 0.95);
            var v99 = fitted.Forecast(returns, 0.99);

            Assert.True(v95 > 0.0 && v99 > v95 && v99 < 1.0, $"{model.Name}: {v95} / {v99}");
            Assert.Equal(model.Forecast(returns, 0.99), v99, 1e-12);
        }
    }

    [Fact]
    public void Forecast_TooFewOrNonFiniteReturns_Throws()
    {
        Assert.Throws<ArgumentException>(() => OneDayVar.Forecast(new double[10]));
        var returns = Normal(100, 0.02, seed: 3);
        returns[50] = double.NaN;
        Assert.Throws<ArgumentException>(() => OneDayVar.Forecast(returns));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneDayVar.Forecast(Normal(100, 0.02, seed: 3), 0.4));
    }

    [Fact]
    public void FromPrices_KnownPrices_GivesLogReturns()
    {
        var sut = LogReturns.FromPrices([100.0, 110.0, 99.0]);

        Assert.Equal([Math.Log(1.1), Math.Log(0.9)], sut, (a, b) => Math.Abs(a - b) < 1e-15);
        Assert.Throws<ArgumentException>(() => LogReturns.FromPrices([100.0, 0.0]));
    }

    private static double[] Normal(int n, double sigma, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n)
            .Select(_ => sigma * Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble()))
            .ToArray();
    }
}
