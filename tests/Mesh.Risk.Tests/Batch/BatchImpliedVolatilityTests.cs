using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Batch;

public sealed class BatchImpliedVolatilityTests
{
    [Fact]
    public void Solve_PricedBatch_RecoversVolatilities()
    {
        var m = RandomMarket.Create(257, seed: 3);
        var prices = new double[257];
        BatchBlackScholes.Price(OptionType.Put, m.Batch, prices);
        var sut = new double[257];
        var failures = new ImpliedVolFailure[257];

        BatchImpliedVolatility.Solve(OptionType.Put, prices, m.Batch, sut, failures);

        for (var i = 0; i < 257; i++)
        {
            // Deep in the money the time value can sit below the price's rounding; only that is untestable.
            var intrinsic = Math.Max((m.Strike[i] * Math.Exp(-m.Rate[i] * m.Time[i])) - (m.Spot[i] * Math.Exp(-m.Yield[i] * m.Time[i])), 0);
            if (prices[i] - intrinsic < 1e-9 * prices[i])
            {
                continue;
            }

            Assert.Equal(ImpliedVolFailure.None, failures[i]);
            Assert.Equal(m.Vol[i], sut[i], 1e-7 * m.Vol[i]);
        }
    }

    [Fact]
    public void Solve_PriceAboveBound_ReportsFailureAndNaN()
    {
        double[] s = [100], k = [100], z = [0], t = [1];
        var sut = new double[1];
        var failures = new ImpliedVolFailure[1];

        BatchImpliedVolatility.Solve(OptionType.Call, [150.0], new OptionBatch(s, k, z, z, t, t), sut, failures);

        Assert.Equal(ImpliedVolFailure.AboveUpperBound, failures[0]);
        Assert.True(double.IsNaN(sut[0]));
    }
}
