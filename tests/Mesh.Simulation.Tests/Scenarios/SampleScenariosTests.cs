using Mesh.Simulation.Scenarios;

namespace Mesh.Simulation.Tests.Scenarios;

/// <summary>The shipped real price path loads and is the FTX collapse it says it is.</summary>
public sealed class SampleScenariosTests
{
    [Fact]
    public void EthUsdtFtx2022_Loads97HourlyPricesFromTheEmbeddedFile()
    {
        var sut = SampleScenarios.EthUsdtFtx2022();

        Assert.Equal(97, sut.Steps.Count);
        Assert.Equal(new DateTimeOffset(2022, 11, 7, 0, 0, 0, TimeSpan.Zero), sut.Start);
        Assert.Equal(TimeSpan.FromHours(96), sut.Duration);
        Assert.Equal(1_567.42m, sut.StartPrice);
        Assert.Contains("vdaksh2003/Zelta_Trading", sut.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void EthUsdtFtx2022_TroughIsTheNinthOfNovemberAtThirtyOnePercentBelowTheHigh()
    {
        var sut = SampleScenarios.EthUsdtFtx2022();

        var high = sut.Steps.Max(s => s.Price);
        Assert.Equal(1_101.49m, sut.Trough.Price);
        Assert.Equal(sut.Start!.Value.AddHours(72), sut.Start.Value + sut.Trough.Offset); // the 23:00 hour of 2022-11-09, closed at midnight
        Assert.Equal(-0.312, (double)((sut.Trough.Price / high) - 1), 3);
    }

    [Fact]
    public void Load_UnknownName_Throws()
    {
        Assert.Throws<ArgumentException>(() => SampleScenarios.Load("2020-03-12"));
    }
}
