using Mesh.Grains.Oracles;
using Mesh.Oracles;
using Mesh.Risk.Volatility;

namespace Mesh.Grains.Tests.Oracles;

/// <summary>Volatility against the long-run level, with the oracle's thresholds (elevated above 1.25, stressed from 2).</summary>
public sealed class OracleRegimeTests
{
    [Theory]
    [InlineData(0.50, 0.50, MarketRegime.Calm)]
    [InlineData(0.625, 0.50, MarketRegime.Calm)] // exactly 1.25: not above it
    [InlineData(0.63, 0.50, MarketRegime.Elevated)]
    [InlineData(0.99, 0.50, MarketRegime.Elevated)]
    [InlineData(1.00, 0.50, MarketRegime.Stressed)] // exactly 2: stressed
    [InlineData(0.01, 0.00, MarketRegime.Stressed)] // any movement against a flat history
    [InlineData(0.00, 0.00, MarketRegime.Calm)]
    public void Classify_VolatilityAgainstLongRun_ThresholdsOfTheOracle(double volatility, double longRun, MarketRegime expected)
    {
        var sut = OracleRegime.Classify(volatility, longRun, new VolatilityRegimeOptions());

        Assert.Equal(expected, sut);
    }

    [Theory]
    [InlineData(null, 0.5)]
    [InlineData(0.9, null)]
    [InlineData(null, null)]
    public void Classify_TooLittleHistory_Calm(double? volatility, double? longRun)
    {
        Assert.Equal(MarketRegime.Calm, OracleRegime.Classify(volatility, longRun, new VolatilityRegimeOptions()));
    }

    [Fact]
    public void Classify_AssetsOwnThresholds_AreUsed()
    {
        var tight = new VolatilityRegimeOptions { ElevatedRatio = 1.1, StressedRatio = 1.3 };

        Assert.Equal(MarketRegime.Elevated, OracleRegime.Classify(0.6, 0.5, tight));
        Assert.Equal(MarketRegime.Calm, OracleRegime.Classify(0.6, 0.5, new VolatilityRegimeOptions()));
    }
}
