using Mesh.Grains.Oracles;
using Mesh.Risk.Volatility;
using static Mesh.Grains.Tests.Oracles.OracleTestData;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Sampling, EWMA, GARCH and the regime on the aggregate's returns (1-minute interval).</summary>
public sealed class OracleVolatilityTrackerTests
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    [Theory]
    [InlineData(1UL, 0.5)]
    [InlineData(2UL, 0.8)]
    [InlineData(3UL, 1.2)]
    public void Record_DayOfGbmMinutes_EwmaAndLongRunRecoverTheInputVolatility(ulong seed, double volatility)
    {
        var options = Options(3);
        options.GarchRefitInterval = TimeSpan.FromHours(6);
        var sut = new OracleVolatilityTracker(options, new OracleVolatilityState());
        var feed = Feed(seed, volatility);

        for (var i = 0; i <= 1440; i++)
        {
            var now = Start + (Minute * i);
            sut.Record(Mantissa(feed.Advance(now)), now);
        }

        var snapshot = sut.Snapshot();
        // EWMA (λ = 0.98) averages about 100 returns: standard error of the volatility ≈ 7%, so 25% is over three
        // of them. The long-run level uses 1,440 returns (≈ 2%): 10%.
        Assert.Equal(1440, snapshot.Returns);
        Assert.Equal(volatility, snapshot.EwmaVolatility!.Value, volatility * 0.25);
        Assert.Equal(volatility, snapshot.LongRunVolatility!.Value, volatility * 0.10);
        Assert.Equal(volatility, snapshot.ForecastVolatility!.Value, volatility * 0.25);
        if (snapshot.GarchStatus == OracleGarchStatus.Fitted)
        {
            Assert.Equal(volatility, snapshot.GarchVolatility!.Value, volatility * 0.10);
        }
        else
        {
            // Constant volatility has no clustering for GARCH to find: the fit drifts to α + β → 1 and is not used.
            Assert.Equal(OracleGarchStatus.FallbackToEwma, snapshot.GarchStatus);
            Assert.False(string.IsNullOrEmpty(snapshot.GarchNote));
            Assert.Equal(snapshot.EwmaVolatility, snapshot.ForecastVolatility);
        }
    }

    [Theory]
    [InlineData(21UL, 0.8)]
    [InlineData(22UL, 0.5)]
    [InlineData(23UL, 1.5)]
    public void Record_DayOfGarchMinutes_FitsAndRecoversTheLongRunVolatility(ulong seed, double volatility)
    {
        var options = Options(3);
        var sut = new OracleVolatilityTracker(options, new OracleVolatilityState());
        const double alpha = 0.10, beta = 0.85;
        var perMinute = volatility * volatility / (365.0 * 1440.0);
        var random = new DeterministicRandom(seed);
        var (logPrice, variance) = (Math.Log(2000.0), perMinute);

        for (var i = 0; i <= 1440; i++)
        {
            var r = Math.Sqrt(variance) * random.NextGaussian();
            logPrice += r;
            variance = (perMinute * (1 - alpha - beta)) + (alpha * r * r) + (beta * variance);
            sut.Record(Mantissa(Math.Exp(logPrice)), Start + (Minute * i));
        }

        var snapshot = sut.Snapshot();
        var truth = new Garch11(perMinute * (1 - alpha - beta), alpha, beta).TermVolatility(variance, 60, 365.0 * 1440.0);
        // 1,440 returns of a process with persistence 0.95: the long-run level within 15%, the one-hour forecast
        // within 20% of the true model's forecast from the true current variance.
        Assert.True(snapshot.GarchStatus == OracleGarchStatus.Fitted, snapshot.GarchNote);
        Assert.Equal(volatility, snapshot.LongRunVolatility!.Value, volatility * 0.15);
        Assert.Equal(truth, snapshot.GarchVolatility!.Value, truth * 0.20);
        Assert.Equal(snapshot.GarchVolatility, snapshot.ForecastVolatility);
    }

    [Fact]
    public void Record_VolatilityJumpsFourfold_RegimeTurnsFromCalmToStressed()
    {
        var options = Options(3);
        options.GarchRefitInterval = TimeSpan.FromHours(6);
        var sut = new OracleVolatilityTracker(options, new OracleVolatilityState());
        var feed = Feed(7, 0.5);
        var minute = 0;
        void Run(int minutes)
        {
            for (var end = minute + minutes; minute < end; minute++)
            {
                var now = Start + (Minute * minute);
                sut.Record(Mantissa(feed.Advance(now)), now);
            }
        }

        Run(1441);
        var calm = sut.Snapshot();
        feed.AnnualVolatility = 2.0;
        Run(60);
        var stressed = sut.Snapshot();

        Assert.Equal(VolatilityRegime.Calm, calm.Regime);
        Assert.Equal(VolatilityRegime.Stressed, stressed.Regime);
        Assert.True(stressed.EwmaVolatility > 1.5, $"EWMA volatility {stressed.EwmaVolatility} after the jump.");
    }

    [Fact]
    public void Snapshot_ReturnsOfConstantSize_AnnualisedBySqrtOfIntervalsPerYear()
    {
        var options = Options(3);
        var sut = new OracleVolatilityTracker(options, new OracleVolatilityState());
        const long low = 100_000_000_000, high = 101_000_000_000;

        for (var i = 0; i <= 50; i++)
        {
            sut.Record(i % 2 == 0 ? low : high, Start + (Minute * i));
        }

        var expected = Math.Log(1.01) * Math.Sqrt(365.0 * 1440.0);
        var snapshot = sut.Snapshot();
        Assert.Equal(expected, snapshot.EwmaVolatility!.Value, expected * 1e-9);
        Assert.Equal(expected, snapshot.LongRunVolatility!.Value, expected * 1e-9);
    }

    [Fact]
    public void Record_GapOfSeveralIntervals_OneReturnScaledToOneInterval()
    {
        var state = new OracleVolatilityState();
        var sut = new OracleVolatilityTracker(Options(3), state);

        sut.Record(100_00000000, Start);
        sut.Record(110_00000000, Start.AddSeconds(30));
        sut.Record(121_00000000, Start + (Minute * 4) + TimeSpan.FromSeconds(30));

        Assert.Equal(Math.Log(1.21) / 2.0, Assert.Single(state.Returns), 1e-15);
        Assert.Equal(Start + (Minute * 4), state.LastSampleAt);
    }

    [Fact]
    public void Record_LongHistory_KeepsAtMostMaxReturns()
    {
        var options = Options(3);
        options.MaxReturns = 100;
        options.MinReturnsForGarch = 100;
        options.GarchRefitInterval = TimeSpan.FromDays(1);
        var state = new OracleVolatilityState();
        var sut = new OracleVolatilityTracker(options, state);
        var feed = Feed(11, 0.6);

        for (var i = 0; i <= 500; i++)
        {
            var now = Start + (Minute * i);
            sut.Record(Mantissa(feed.Advance(now)), now);
        }

        Assert.Equal(100, state.Returns.Count);
        Assert.Equal(500, state.TotalReturns);
    }

    [Fact]
    public void Record_ConstantPrice_GarchFallsBackToEwmaAndSaysSo()
    {
        var sut = new OracleVolatilityTracker(Options(3), new OracleVolatilityState());

        for (var i = 0; i <= 300; i++)
        {
            sut.Record(100_00000000, Start + (Minute * i));
        }

        var snapshot = sut.Snapshot();
        Assert.Equal(OracleGarchStatus.FallbackToEwma, snapshot.GarchStatus);
        Assert.Contains("zero variance", snapshot.GarchNote, StringComparison.Ordinal);
        Assert.Null(snapshot.GarchVolatility);
        Assert.Equal(0.0, snapshot.ForecastVolatility);
        Assert.Equal(VolatilityRegime.Calm, snapshot.Regime);
    }

    [Fact]
    public void Snapshot_TooFewReturns_NoEstimatesAndNoRegime()
    {
        var sut = new OracleVolatilityTracker(Options(3), new OracleVolatilityState());

        for (var i = 0; i < 20; i++)
        {
            sut.Record(100_00000000 + i, Start + (Minute * i));
        }

        var snapshot = sut.Snapshot();
        Assert.Equal(19, snapshot.Returns);
        Assert.Null(snapshot.EwmaVolatility);
        Assert.Null(snapshot.ForecastVolatility);
        Assert.Null(snapshot.Regime);
        Assert.Equal(OracleGarchStatus.NotEnoughHistory, snapshot.GarchStatus);
    }

    private static SimulatedPriceFeed Feed(ulong seed, double volatility) => new(
        new SimulatedPriceFeedOptions { Seed = seed, AnnualVolatility = volatility, Sources = [new SimulatedSourceOptions { Name = "true" }] },
        Start);

    private static long Mantissa(double price) => OraclePrice.FromDouble(price, 8).Mantissa;
}
