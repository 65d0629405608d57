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

    [Theory]
    [InlineData(OptionType.Call, 21)]
    [InlineData(OptionType.Put, 22)]
    public void Solve_RandomBatch_MatchesScalarSolver(OptionType type, int seed)
    {
        const int n = 4003; // exercises the scalar tail after the four-lane blocks
        var m = RandomMarket.Create(n, seed);
        var prices = new double[n];
        BatchBlackScholes.Price(type, m.Batch, prices);
        var sut = new double[n];
        var failures = new ImpliedVolFailure[n];

        BatchImpliedVolatility.Solve(type, prices, m.Batch, sut, failures);

        for (var i = 0; i < n; i++)
        {
            var expected = ImpliedVolatility.Solve(type, prices[i], m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], m.Time[i]);
            if (TimeValueAtRounding(type, prices[i], m, i))
            {
                // The bound check itself is decided by the last bit of the forward; both answers are acceptable.
                continue;
            }

            Assert.Equal(expected.Failure, failures[i]);

            // Equal volatilities, or (deep in the money, where the time value carries few digits) equal repricing.
            var p1 = BlackScholes.Price(type, m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], expected.Volatility, m.Time[i]);
            var p2 = BlackScholes.Price(type, m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], sut[i], m.Time[i]);
            Assert.True(
                Math.Abs(sut[i] - expected.Volatility) <= 1e-13 * expected.Volatility || Math.Abs(p1 - p2) <= 1e-13 * prices[i],
                $"{i}: {sut[i]:R} vs {expected.Volatility:R}");
        }
    }

    // Out-of-the-money options (well conditioned) over a moneyness × expiry × volatility grid, 1 minute to 10 years:
    // batch and scalar must recover σ to 1e-12 plus what the price's own rounding allows.
    [Fact]
    public void Solve_OutOfTheMoneyGrid_RoundTripsToPriceConditioning()
    {
        double[] moneyness = [0.05, 0.3, 0.7, 0.95, 0.999, 1.0, 1.001, 1.05, 1.5, 3.0, 20.0];
        double[] expiries = [1.0 / 525_600, 1.0 / 365, 0.1, 1.0, 10.0];
        double[] vols = [0.02, 0.1, 0.4, 1.5, 4.0];
        var count = moneyness.Length * expiries.Length * vols.Length;
        double[] s = new double[count], k = new double[count], r = new double[count], q = new double[count], v = new double[count], t = new double[count];
        var prices = new double[count];
        var types = new OptionType[count];
        var i = 0;
        foreach (var mk in moneyness)
        {
            foreach (var tt in expiries)
            {
                foreach (var vv in vols)
                {
                    (s[i], k[i], r[i], q[i], v[i], t[i]) = (100, 100 * mk, 0.03, 0.01, vv, tt);
                    types[i] = mk >= 1.0 ? OptionType.Call : OptionType.Put;
                    i++;
                }
            }
        }

        var batch = new OptionBatch(s, k, r, q, v, t);
        foreach (var type in new[] { OptionType.Call, OptionType.Put })
        {
            BatchBlackScholes.Price(type, batch, prices);
            var sut = new double[count];
            var failures = new ImpliedVolFailure[count];

            BatchImpliedVolatility.Solve(type, prices, batch, sut, failures);

            for (var j = 0; j < count; j++)
            {
                if (types[j] != type || prices[j] < 1e-300)
                {
                    continue;
                }

                // Near the money with tiny total volatility the input price itself carries an error of a few ulps
                // of the spot (S·Φ(d₁) − K·Φ(d₂) cancels), which maps to δσ = δP / vega.
                var scalar = ImpliedVolatility.Solve(type, prices[j], s[j], k[j], r[j], q[j], t[j]);
                var vega = BlackScholes.Greeks(type, s[j], k[j], r[j], q[j], v[j], t[j]).Vega;
                var tolerance = (1e-12 * v[j]) + (4e-16 * s[j] / vega);
                Assert.True(failures[j] == ImpliedVolFailure.None && scalar.IsSuccess, $"{j}: {failures[j]} / {scalar.Failure}");
                Assert.True(Math.Abs(sut[j] - v[j]) <= tolerance, $"batch {j}: K={k[j]} T={t[j]} {sut[j]:R} vs {v[j]}");
                Assert.True(Math.Abs(scalar.Volatility - v[j]) <= tolerance, $"scalar {j}: K={k[j]} T={t[j]} {scalar.Volatility:R} vs {v[j]}");
            }
        }
    }

    [Fact]
    public void Solve_InvalidSpotInBlock_ThrowsNamingSpot()
    {
        var m = RandomMarket.Create(8, seed: 9);
        m.Spot[6] = double.NaN;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BatchImpliedVolatility.Solve(OptionType.Call, new double[8], m.Batch, new double[8], []));

        Assert.Equal("spot", ex.ParamName);
    }

    private static bool TimeValueAtRounding(OptionType type, double price, RandomMarket m, int i)
    {
        var sign = type == OptionType.Call ? 1 : -1;
        var intrinsic = Math.Max(sign * ((m.Spot[i] * Math.Exp(-m.Yield[i] * m.Time[i])) - (m.Strike[i] * Math.Exp(-m.Rate[i] * m.Time[i]))), 0);
        return price - intrinsic < 1e-12 * price;
    }
}
