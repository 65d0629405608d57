using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Options;
using Mesh.Risk.Portfolio;

namespace Mesh.Risk.Tests.Portfolio;

public sealed class ScenarioMarginMarginTests
{
    [Fact]
    public void Margin_AnyBookAndGrid_EqualsComputeBitForBit()
    {
        var option = from asset in Gen.Choose(0, 1)
                     from quantity in Gen.Choose(-50, 50)
                     from call in Gen.Elements(true, false)
                     from strike in Gen.Choose(500, 4_000)
                     from days in Gen.Choose(1, 400)
                     from vol in Gen.Choose(5, 300)
                     select (Position)new OptionPosition(asset, quantity / 4.0, call ? OptionType.Call : OptionType.Put, strike, days / 365.0, vol / 100.0);
        var perp = from asset in Gen.Choose(0, 1)
                   from quantity in Gen.Choose(-50, 50)
                   select (Position)new PerpPosition(asset, quantity / 8.0);
        var gen = from positions in Gen.ListOf(Gen.OneOf(option, option, perp)).Select(l => l.Take(12).ToList())
                  from spot in Gen.Choose(800, 3_500)
                  from rate in Gen.Choose(-5, 10)
                  from range in Gen.Choose(1, 40)
                  from steps in Gen.Choose(1, 5)
                  from volScan in Gen.Choose(0, 90)
                  from horizon in Gen.Choose(0, 30)
                  select (Positions: positions, Spot: (double)spot, Rate: rate / 100.0, Options: new ScenarioMarginOptions
                  {
                      PriceScanRange = range / 100.0,
                      PriceSteps = steps,
                      VolScanRange = volScan / 100.0,
                      HorizonDays = horizon / 2.0,
                  });
        Prop.ForAll(gen.ToArbitrary(), x =>
            {
                var portfolio = new RiskPortfolio([new RiskAsset("ETH", x.Spot, 0.7), new RiskAsset("BTC", x.Spot * 20, 0.5)], new double[,] { { 1, 0.8 }, { 0.8, 1 } }, x.Positions, x.Rate);

                var sut = ScenarioMargin.Margin(portfolio, x.Options);

                return BitConverter.DoubleToInt64Bits(sut) == BitConverter.DoubleToInt64Bits(ScenarioMargin.Compute(portfolio, x.Options).Margin);
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(2_000));
    }

    [Fact]
    public void Margin_ShortPutBookOfAVault_EqualsCompute()
    {
        var portfolio = new RiskPortfolio(
            [new RiskAsset("WETH", 2008, 0.8)],
            new double[,] { { 1 } },
            [new OptionPosition(0, -6, OptionType.Put, 1800, 12 / 365.0, 0.7), new OptionPosition(0, 3, OptionType.Call, 2200, 40 / 365.0, 0.8), new OptionPosition(0, -3, OptionType.Call, 2500, 90 / 365.0, 0.65), new PerpPosition(0, 1.5), new PerpPosition(0, -0.75)]);

        var sut = ScenarioMargin.Margin(portfolio);

        Assert.True(sut > 0);
        Assert.Equal(ScenarioMargin.Compute(portfolio).Margin, sut);
    }
}
