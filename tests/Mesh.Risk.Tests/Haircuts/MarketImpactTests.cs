using Mesh.Risk.Haircuts;

namespace Mesh.Risk.Tests.Haircuts;

public sealed class MarketImpactTests
{
    [Theory]
    [InlineData(0.02, 1_000, 100_000, 1.0, 0.002)]
    [InlineData(0.05, 250_000, 1_000_000, 0.5, 0.0125)]
    [InlineData(0.05, 0, 1_000_000, 0.5, 0.0)]
    public void SquareRoot_Inputs_FollowsSquareRootLaw(double vol, double q, double v, double y, double expected)
    {
        Assert.Equal(expected, MarketImpact.SquareRoot(vol, q, v, y), 1e-15);
    }

    [Fact]
    public void SquareRoot_ZeroVolume_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => MarketImpact.SquareRoot(0.02, 1, 0, 1));

        Assert.Equal("dailyVolume", ex.ParamName);
    }
}
