using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class VolatilityRegimeClassifierTests
{
    [Theory]
    [InlineData(0.5, 0.5, VolatilityRegime.Calm)]
    [InlineData(0.625, 0.5, VolatilityRegime.Calm)]
    [InlineData(0.7, 0.5, VolatilityRegime.Elevated)]
    [InlineData(1.0, 0.5, VolatilityRegime.Stressed)]
    public void Classify_RatioThresholds_MapToRegimes(double forecast, double longRun, VolatilityRegime expected)
    {
        Assert.Equal(expected, VolatilityRegimeClassifier.Classify(forecast, longRun));
    }

    [Fact]
    public void Classify_CustomThresholds_AreUsed()
    {
        var options = new VolatilityRegimeOptions { ElevatedRatio = 1.1, StressedRatio = 1.3 };

        Assert.Equal(VolatilityRegime.Stressed, VolatilityRegimeClassifier.Classify(0.65, 0.5, options));
    }

    [Fact]
    public void Classify_GarchShock_IsStressedShortTermAndCalmLongTerm()
    {
        var model = new Garch11(0.000002, 0.13, 0.86);
        var shocked = 0.0002 * 6;

        Assert.Equal(VolatilityRegime.Stressed, VolatilityRegimeClassifier.Classify(model, shocked, 1));
        Assert.Equal(VolatilityRegime.Calm, VolatilityRegimeClassifier.Classify(model, shocked, 5000));
    }

    [Fact]
    public void Classify_InvalidThresholds_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VolatilityRegimeClassifier.Classify(1, 1, new VolatilityRegimeOptions { ElevatedRatio = 2, StressedRatio = 1 }));
    }
}
