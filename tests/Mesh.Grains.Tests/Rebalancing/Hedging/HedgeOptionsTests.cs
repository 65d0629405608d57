using Mesh.Grains.Rebalancing.Hedging;

namespace Mesh.Grains.Tests.Rebalancing.Hedging;

public sealed class HedgeOptionsTests
{
    [Theory]
    [InlineData(0.05, 0, 1_000, 10_000, 1_000)] // 5% of 10,000 is 500: the minimum hedge widens it
    [InlineData(0.05, 0, 1_000, 100_000, 5_000)]
    [InlineData(0.05, 8_000, 1_000, 100_000, 8_000)]
    [InlineData(0, 0, 250, 0, 250)]
    public void Band_WidestOfFractionAbsoluteAndMinimum(double fraction, double absolute, double minimum, double collateral, double expected)
    {
        var sut = new HedgeOptions { BandFraction = fraction, BandUsd = absolute, MinimumHedgeUsd = minimum };

        Assert.Equal(expected, sut.Band(collateral), 1e-9);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var sut = new HedgeOptions();

        sut.Validate();
        Assert.Equal(0.05, sut.BandFraction);
        Assert.Equal(0.0, sut.BandUsd);
        Assert.Equal(1_000.0, sut.MinimumHedgeUsd);
    }

    public static TheoryData<string, Action<HedgeOptions>> Bad => new()
    {
        { "Mesh:Rebalancing:Hedge:BandFraction", o => o.BandFraction = 1.5 },
        { "Mesh:Rebalancing:Hedge:BandFraction", o => o.BandFraction = double.NaN },
        { "Mesh:Rebalancing:Hedge:BandUsd", o => o.BandUsd = -1 },
        { "Mesh:Rebalancing:Hedge:MinimumHedgeUsd", o => o.MinimumHedgeUsd = double.PositiveInfinity },
        { "Mesh:Rebalancing:Hedge:BandFraction, BandUsd and MinimumHedgeUsd are all 0", o => (o.BandFraction, o.BandUsd, o.MinimumHedgeUsd) = (0, 0, 0) },
    };

    [Theory]
    [MemberData(nameof(Bad))]
    public void Validate_SettingOutOfRange_ThrowsNamingIt(string setting, Action<HedgeOptions> spoil)
    {
        var sut = new HedgeOptions();
        spoil(sut);

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.StartsWith(setting, error.Message, StringComparison.Ordinal);
    }
}
