using Mesh.Risk.Volatility;

namespace Mesh.Risk.Tests.Volatility;

public sealed class Garch11Tests
{
    // Hull, Chapter 23 (GARCH): ω = 0.000002, α = 0.13, β = 0.86, σ = 1.6%, return 1% → σ = 1.5335%.
    [Fact]
    public void UpdateVariance_HullExample_MatchesTextbook()
    {
        var sut = new Garch11(0.000002, 0.13, 0.86);

        var variance = sut.UpdateVariance(0.016 * 0.016, 0.01);

        Assert.Equal(0.015335, Math.Sqrt(variance), 0.0000005);
        Assert.Equal(0.0002, sut.LongRunVariance, 1e-12);
    }

    // Hull, Chapter 23: same model, current variance 0.0003, forecast 10 days ahead ≈ 0.0002904.
    [Fact]
    public void ForecastVariance_HullExample_RevertsToLongRun()
    {
        var sut = new Garch11(0.000002, 0.13, 0.86);

        Assert.Equal(0.0002 + (Math.Pow(0.99, 10) * 0.0001), sut.ForecastVariance(0.0003, 10), 1e-15);
        Assert.Equal(0.00029044, sut.ForecastVariance(0.0003, 10), 0.0000001);
    }

    [Fact]
    public void TermVolatility_LongHorizon_ApproachesLongRun()
    {
        var sut = new Garch11(0.000002, 0.13, 0.86);

        var shortTerm = sut.TermVolatility(0.0004, 1, 252);
        var longTerm = sut.TermVolatility(0.0004, 100_000, 252);

        Assert.Equal(Math.Sqrt(0.0004 * 252), shortTerm, 1e-12);
        Assert.Equal(Math.Sqrt(0.0002 * 252), longTerm, 5e-4);
    }

    [Fact]
    public void Constructor_NonStationary_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Garch11(0.000001, 0.2, 0.8));
    }
}
