using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>Which bin a health factor falls in.</summary>
public sealed class HealthFactorHistogramTests
{
    [Theory]
    [InlineData(-1.0, 0)]
    [InlineData(0.49, 0)]
    [InlineData(0.5, 1)]
    [InlineData(0.999, 3)]
    [InlineData(1.0, 4)]
    [InlineData(1.249, 5)]
    [InlineData(2.999, 8)]
    [InlineData(3.0, 9)]
    [InlineData(double.PositiveInfinity, 9)]
    public void Count_AValue_LandsInItsBin(double hf, int bin)
    {
        var sut = HealthFactorHistogram.Count([hf]);

        Assert.Equal(1, sut[bin]);
        Assert.Equal(1, sut.Sum());
    }

    [Fact]
    public void Count_NaN_IsLeftOut()
    {
        Assert.Equal(1, HealthFactorHistogram.Count([double.NaN, 1.2]).Sum());
    }
}
