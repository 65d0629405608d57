using Mesh.Risk.Batch;
using Mesh.Risk.Options;

namespace Mesh.Risk.Tests.Batch;

public sealed class BatchBlackScholesTests
{
    private const int Count = 1003; // not a multiple of 4: exercises the padded tail

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Price_RandomBatch_MatchesScalarWithin1e14(OptionType type)
    {
        var m = RandomMarket.Create(Count, seed: 7);
        var sut = new double[Count];

        BatchBlackScholes.Price(type, m.Batch, sut);

        for (var i = 0; i < Count; i++)
        {
            var expected = BlackScholes.Price(type, m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], m.Vol[i], m.Time[i]);
            Assert.True(Math.Abs(sut[i] - expected) <= (1e-14 * expected) + (1e-15 * m.Spot[i]), $"{i}: {sut[i]:R} vs {expected:R}");
        }
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Greeks_RandomBatch_MatchesScalar(OptionType type)
    {
        var m = RandomMarket.Create(Count, seed: 11);
        var r = new double[6][];
        for (var j = 0; j < 6; j++)
        {
            r[j] = new double[Count];
        }

        BatchBlackScholes.Greeks(type, m.Batch, new GreeksBatch(r[0], r[1], r[2], r[3], r[4], r[5]));

        for (var i = 0; i < Count; i++)
        {
            var g = BlackScholes.Greeks(type, m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], m.Vol[i], m.Time[i]);
            double[] expected = [g.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho];
            double[] scale = [m.Spot[i], 1, 1 / m.Spot[i], m.Spot[i], m.Spot[i], m.Strike[i]];
            for (var j = 0; j < 6; j++)
            {
                Assert.True(Math.Abs(r[j][i] - expected[j]) <= (1e-13 * Math.Abs(expected[j])) + (1e-15 * scale[j]), $"{i}/{j}: {r[j][i]:R} vs {expected[j]:R}");
            }
        }
    }

    [Fact]
    public void Price_ZeroVolatilityLane_IsForwardIntrinsic()
    {
        double[] s = [110, 100, 100, 100, 90], k = [100, 100, 100, 100, 100], r = [0.05, 0, 0, 0, 0], q = [0, 0, 0, 0, 0], v = [0, 0.2, 0.2, 0.2, 0.2], t = [1, 1, 1, 1, 0];
        var sut = new double[5];

        BatchBlackScholes.Price(OptionType.Call, new OptionBatch(s, k, r, q, v, t), sut);

        Assert.Equal(110 - (100 * Math.Exp(-0.05)), sut[0], 1e-12);
        Assert.Equal(0.0, sut[4]);
    }

    [Fact]
    public void Price_NegativeSpot_ThrowsNamingSpot()
    {
        double[] s = [100, 100, -1, 100], one = [1, 1, 1, 1], zero = [0, 0, 0, 0];
        var sut = new double[4];

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BatchBlackScholes.Price(OptionType.Call, new OptionBatch(s, one, zero, zero, one, one), sut));

        Assert.Equal("spot", ex.ParamName);
    }

    [Fact]
    public void Constructor_MismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => new OptionBatch(new double[3], new double[4], new double[4], new double[4], new double[4], new double[4]));
    }
}
