using Mesh.Risk.Haircuts;

namespace Mesh.Risk.Tests.Haircuts;

public sealed class WrongWayRiskTests
{
    [Theory]
    [InlineData(1.0, 0.1, 1.0, 0.1)]
    [InlineData(0.5, 0.1, 2.0, 0.1)]
    [InlineData(0.0, 0.1, 1.0, 0.0)]
    [InlineData(-0.7, 0.1, 1.0, 0.0)]
    public void AddOn_Correlation_ScalesPositivePartOnly(double rho, double priceRisk, double multiplier, double expected)
    {
        Assert.Equal(expected, WrongWayRisk.AddOn(rho, priceRisk, multiplier), 1e-15);
    }

    [Fact]
    public void AddOn_CorrelationAboveOne_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WrongWayRisk.AddOn(1.5, 0.1, 1));
    }
}
