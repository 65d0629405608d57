using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class Garch11EstimatorTests
{
    [Fact]
    public void Fit_SimulatedGarchPath_RecoversParameters()
    {
        var truth = new Garch11(0.000002, 0.10, 0.88);
        var returns = Simulate(truth, 8000, seed: 5);

        var sut = Garch11Estimator.Fit(returns);

        // MLE on 8000 points: standard errors are about 0.01 for α and 0.015 for β.
        Assert.True(sut.Converged);
        Assert.Equal(truth.Alpha, sut.Model.Alpha, 0.04);
        Assert.Equal(truth.Beta, sut.Model.Beta, 0.05);
        Assert.Equal(truth.LongRunVariance, sut.Model.LongRunVariance, 0.3 * truth.LongRunVariance);
        Assert.True(sut.LogLikelihood >= truth.LogLikelihood(returns, returns.Select(r => r * r).Average()) - 1e-6);
    }

    [Fact]
    public void Fit_TooFewReturns_Throws()
    {
        Assert.Throws<ArgumentException>(() => Garch11Estimator.Fit(new double[10]));
    }

    private static double[] Simulate(Garch11 model, int n, int seed)
    {
        var rng = new Random(seed);
        var variance = model.LongRunVariance;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
            result[i] = Math.Sqrt(variance) * z;
            variance = model.UpdateVariance(variance, result[i]);
        }

        return result;
    }
}
