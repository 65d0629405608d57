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

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void PriceVector512_RandomMarkets_MatchesScalarWithin1e14(OptionType type)
    {
        for (var seed = 100; seed < 105; seed++)
        {
            var m = RandomMarket.Create(Count, seed);
            var sut = new double[Count];

            var priced = BatchBlackScholes.PriceVector512(type, m.Batch, sut);

            Assert.Equal(Count - (Count % 8), priced);
            AssertMatchesScalar(type, m, sut, priced);
        }
    }

    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void PriceVector256_RandomMarkets_MatchesScalarWithin1e14(OptionType type)
    {
        for (var seed = 200; seed < 205; seed++)
        {
            var m = RandomMarket.Create(Count, seed);
            var sut = new double[Count];

            BatchBlackScholes.PriceVector256(type, m.Batch, sut, start: 0);

            AssertMatchesScalar(type, m, sut, Count);
        }
    }

    // One exponential serves both CDFs; these lanes have |d₁| ≫ |d₂| or the reverse, with exp(−d²/2) of the larger one
    // underflowing, so the shared exponential must be taken at the smaller |d|.
    [Theory]
    [InlineData(OptionType.Call)]
    [InlineData(OptionType.Put)]
    public void Price_ExtremeMoneynessBothKernels_MatchScalar(OptionType type)
    {
        double[] s = [100, 100, 100, 100, 100, 100, 100, 100];
        double[] k = [1e-15, 1e15, 1e-20, 1e20, 0.01, 1e4, 100, 100.5];
        double[] r = [0.01, 0.01, 0.0, 0.0, 0.05, 0.05, 0.0, 0.0];
        double[] q = [0, 0, 0, 0, 0.02, 0.02, 0, 0];
        double[] v = [1.0, 1.0, 2.0, 2.0, 0.3, 0.3, 1e-9, 0.2];
        double[] t = [2.0, 2.0, 5.0, 5.0, 0.01, 0.01, 1.0, 1.0 / 525_600];
        var m = new OptionBatch(s, k, r, q, v, t);
        var wide = new double[8];
        var narrow = new double[8];

        BatchBlackScholes.PriceVector512(type, m, wide);
        BatchBlackScholes.PriceVector256(type, m, narrow, start: 0);

        for (var i = 0; i < 8; i++)
        {
            var expected = BlackScholes.Price(type, s[i], k[i], r[i], q[i], v[i], t[i]);
            var tolerance = (1e-13 * expected) + 1e-300 + (1e-15 * Math.Min(s[i], k[i]));
            Assert.True(Math.Abs(wide[i] - expected) <= tolerance, $"512 lane {i}: {wide[i]:R} vs {expected:R}");
            Assert.True(Math.Abs(narrow[i] - expected) <= tolerance, $"256 lane {i}: {narrow[i]:R} vs {expected:R}");
        }
    }

    [Fact]
    public void Price_NegativeSpotInWideBlock_ThrowsNamingSpot()
    {
        var m = RandomMarket.Create(16, seed: 5);
        m.Spot[11] = -1;

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BatchBlackScholes.PriceVector512(OptionType.Call, m.Batch, new double[16]));

        Assert.Equal("spot", ex.ParamName);
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

    private static void AssertMatchesScalar(OptionType type, RandomMarket m, double[] sut, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var expected = BlackScholes.Price(type, m.Spot[i], m.Strike[i], m.Rate[i], m.Yield[i], m.Vol[i], m.Time[i]);
            Assert.True(Math.Abs(sut[i] - expected) <= (1e-14 * expected) + (1e-15 * m.Spot[i]), $"{i}: {sut[i]:R} vs {expected:R}");
        }
    }
}
