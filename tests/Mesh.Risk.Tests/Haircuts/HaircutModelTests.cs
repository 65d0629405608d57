using FsCheck;
using FsCheck.Fluent;
using Mesh.Risk.Haircuts;

namespace Mesh.Risk.Tests.Haircuts;

public sealed class HaircutModelTests
{
    [Fact]
    public void Compute_KnownInputs_ComposesComponents()
    {
        var options = new HaircutOptions { Confidence = 0.99, LiquidationHorizonDays = 1, DaysPerYear = 365, ImpactCoefficient = 0.5, TailDegreesOfFreedom = null };

        var sut = HaircutModel.Compute(new HaircutInput(0.73, 1_000, 100_000, 0.5), options);

        var dailyVol = 0.73 / Math.Sqrt(365);
        var priceRisk = 1 - Math.Exp(-2.3263478740408411 * dailyVol);
        Assert.Equal(priceRisk, sut.PriceRisk, 1e-12);
        Assert.Equal(0.5 * dailyVol * 0.1, sut.MarketImpact, 1e-12);
        Assert.Equal(0.5 * priceRisk, sut.WrongWayAddOn, 1e-12);
        Assert.Equal(sut.PriceRisk + sut.MarketImpact + sut.WrongWayAddOn, sut.Haircut, 1e-12);
    }

    [Fact]
    public void Compute_StudentTailByDefault_UsesTheUnitVarianceTQuantile()
    {
        // t(0.99; ν = 4) = 3.746947 (published tables); unit variance scales it by √((ν − 2)/ν) = √0.5.
        var sut = HaircutModel.Compute(new HaircutInput(0.73, 1_000, 100_000));
        var normal = HaircutModel.Compute(new HaircutInput(0.73, 1_000, 100_000), new HaircutOptions { TailDegreesOfFreedom = null });

        var dailyVol = 0.73 / Math.Sqrt(365);
        Assert.Equal(1 - Math.Exp(-3.746947 * Math.Sqrt(0.5) * dailyVol), sut.PriceRisk, 1e-6);
        Assert.True(sut.PriceRisk > normal.PriceRisk, "the fat tail asks more of the 99% quantile than a normal one");
    }

    [Fact]
    public void Compute_TailWithTooFewDegreesOfFreedom_IsRefused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => HaircutModel.Compute(new HaircutInput(0.5, 1, 1), new HaircutOptions { TailDegreesOfFreedom = 2.0 }));

        Assert.Contains("TailDegreesOfFreedom", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_NegativeCorrelation_NoWrongWayAddOn()
    {
        Assert.Equal(0.0, HaircutModel.Compute(new HaircutInput(0.5, 10, 1000, -0.8)).WrongWayAddOn);
    }

    [Fact]
    public void Compute_HugePosition_CappedAtMax()
    {
        Assert.Equal(1.0, HaircutModel.Compute(new HaircutInput(3.0, 1e12, 1.0, 1.0)).Haircut);
    }

    [Fact]
    public void Compute_MoreVolatilityOrSize_NeverLowersHaircut()
    {
        var gen = from vol in Gen.Choose(0, 500)
                  from dv in Gen.Choose(0, 100)
                  from q in Gen.Choose(0, 1_000_000)
                  from dq in Gen.Choose(0, 1_000_000)
                  from rho in Gen.Choose(-100, 100)
                  from horizon in Gen.Choose(1, 10)
                  select (Vol: vol / 100.0, DVol: dv / 100.0, Q: (double)q, DQ: (double)dq, Rho: rho / 100.0, Horizon: (double)horizon);
        Prop.ForAll(gen.ToArbitrary(), x =>
            {
                var options = new HaircutOptions { LiquidationHorizonDays = x.Horizon };
                var baseline = HaircutModel.Compute(new HaircutInput(x.Vol, x.Q, 50_000, x.Rho), options).Haircut;
                var moreVol = HaircutModel.Compute(new HaircutInput(x.Vol + x.DVol, x.Q, 50_000, x.Rho), options).Haircut;
                var moreSize = HaircutModel.Compute(new HaircutInput(x.Vol, x.Q + x.DQ, 50_000, x.Rho), options).Haircut;
                return moreVol >= baseline && moreSize >= baseline && baseline is >= 0 and <= 1;
            })
            .Check(Config.QuickThrowOnFailure.WithMaxTest(1000));
    }

    [Fact]
    public void Compute_InvalidConfidence_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => HaircutModel.Compute(new HaircutInput(0.5, 1, 1), new HaircutOptions { Confidence = 1.0 }));
    }
}
