using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class ArbitrageCheckTests
{
    private static readonly double[] Grid = [.. Enumerable.Range(-150, 301).Select(i => i * 0.01)];

    // Gatheral & Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Axel Vogt's example (T = 1):
    // a = −0.0410, b = 0.1331, ρ = 0.3060, m = 0.3586, σ = 0.4153 has g(k) < 0 (butterfly arbitrage).
    [Fact]
    public void Check_VogtExample_ReportsButterflyViolations()
    {
        var slice = new SviSlice(1.0, new SviParameters(-0.0410, 0.1331, 0.3060, 0.3586, 0.4153));

        var sut = ArbitrageCheck.Check([slice], Grid);

        Assert.False(sut.IsArbitrageFree);
        Assert.NotEmpty(sut.Butterfly);
        Assert.All(sut.Butterfly, v => Assert.True(v.G < 0));
        Assert.All(sut.Butterfly, v => Assert.InRange(v.K, -1.5, 1.5));
    }

    [Fact]
    public void Check_CrossingSlices_ReportsCalendarViolationsWhereVarianceFalls()
    {
        var near = new SviSlice(0.25, new SviParameters(0.02, 0.3, -0.6, 0.0, 0.2));
        var far = new SviSlice(0.5, new SviParameters(0.04, 0.1, 0.0, 0.0, 0.2));

        var sut = ArbitrageCheck.Check([far, near], Grid);

        Assert.NotEmpty(sut.Calendar);
        Assert.All(sut.Calendar, v => Assert.True(v.LaterVariance < v.EarlierVariance));
        Assert.All(sut.Calendar, v => Assert.Equal((0.25, 0.5), (v.EarlierExpiry, v.LaterExpiry)));
        Assert.Contains(sut.Calendar, v => v.K < -1.0);
    }

    [Fact]
    public void Check_ReasonableSurface_IsArbitrageFree()
    {
        var near = new SviSlice(0.25, new SviParameters(0.01, 0.1, -0.3, 0.0, 0.2));
        var far = new SviSlice(1.0, new SviParameters(0.04, 0.1, -0.3, 0.0, 0.3));

        var sut = ArbitrageCheck.Check([near, far], Grid);

        Assert.True(sut.IsArbitrageFree);
    }
}
