using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Rebalancing.Hedging;
using Mesh.Vaults;
using static Mesh.Grains.Tests.Rebalancing.Hedging.DeltaHedgeTests;

namespace Mesh.Grains.Tests.Rebalancing.Hedging;

public sealed class DeltaHedgePropertyTests
{
    private static readonly Gen<(UInt128 Held, UInt128 Owed, decimal Perp, bool Short, double Fraction, double Minimum)> BookGen =
        from held in Gen.Choose(0, 100_000)
        from owed in Gen.Choose(0, 100_000)
        from perp in Gen.Choose(1, 200_000)
        from side in Gen.Elements(true, false)
        from fraction in Gen.Elements(0.0, 0.01, 0.05, 0.2)
        from minimum in Gen.Elements(1.0, 1_000.0, 50_000.0)
        select ((UInt128)held * (Weth / 1_000), (UInt128)Math.Min(owed, held) * (Weth / 1_000), perp / 1_000m, side, fraction, minimum);

    [Fact]
    public void Advise_AnyBook_AfterTheHedgeNetDeltaIsInsideTheBandAndAnyHedgeIsWorthPlacing()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(BookGen.ToArbitrary(), b =>
        {
            var options = new HedgeOptions { BandFraction = b.Fraction, MinimumHedgeUsd = b.Minimum };

            var sut = Advise(b.Held, b.Owed, [Perp(b.Perp, b.Short ? PositionSide.Short : PositionSide.Long)], options);

            var line = Assert.Single(sut.Underlyings);
            Assert.Equal(line.HoldingsDelta + line.ExposureDelta, line.NetDelta, 1e-9);
            Assert.True(Math.Abs(line.NetDeltaAfterUsd) <= sut.BandUsd, $"{line.NetDeltaAfterUsd} outside ±{sut.BandUsd}");
            if (line.Side is { } side)
            {
                Assert.True(line.NotionalUsd >= b.Minimum, $"a hedge of {line.NotionalUsd} USD");
                Assert.Equal(line.NetDelta > 0 ? PositionSide.Short : PositionSide.Long, side);
                Assert.Equal(Math.Abs(line.NetDelta), (double)line.Quantity / 1e18, 1e-9);
            }
            else
            {
                Assert.True(Math.Abs(line.NetDeltaUsd) <= sut.BandUsd);
                Assert.Equal(UInt128.Zero, line.Quantity);
            }

            return true;
        }));
    }
}
