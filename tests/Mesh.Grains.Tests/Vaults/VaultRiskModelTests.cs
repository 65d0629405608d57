using Mesh.Grains.Vaults;
using Mesh.Risk.Haircuts;
using Mesh.Risk.Options;
using Mesh.Vaults;

namespace Mesh.Grains.Tests.Vaults;

public sealed class VaultRiskModelTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly VaultKey Key = new("p1", "local-a");
    private static readonly Dictionary<string, int> Decimals = new() { ["WETH"] = 18, ["USDC"] = 6 };
    private static readonly VaultRiskOptions Options = new();

    private static Dictionary<string, AssetMarket> Markets(double wethPrice = 2_000, double multiplier = 1.0) => new()
    {
        ["WETH"] = new AssetMarket("WETH", wethPrice, 0.6, 1e9, multiplier, false),
        ["USDC"] = new AssetMarket("USDC", 1.0, 0.01, 1e10, 1.0, false),
    };

    private static UInt128 Weth(int units) => (UInt128)units * 1_000_000_000_000_000_000UL;

    private static UInt128 Usdc(long units) => (UInt128)units * 1_000_000UL;

    private static VaultHealth Evaluate(UInt128 weth, UInt128 usdcDebt, IReadOnlyList<Exposure>? exposures = null, Dictionary<string, AssetMarket>? markets = null, RebalanceNeed? previous = null)
    {
        markets ??= Markets();
        var book = ExposurePortfolio.Build(exposures ?? [], markets, Now, Options);
        var balances = new VaultBalances(new Dictionary<string, UInt128> { ["WETH"] = weth }, new Dictionary<string, UInt128> { ["USDC"] = usdcDebt }, Decimals);
        return VaultRiskModel.Evaluate(Key, balances, book, VaultRiskModel.ExpectedShortfall(book, Options), markets, Options, previous, Now);
    }

    [Fact]
    public void Evaluate_NoObligations_HasNoHealthFactorAndNoNeed()
    {
        var sut = Evaluate(Weth(10), UInt128.Zero);

        Assert.Null(sut.HealthFactor);
        Assert.Null(sut.Need);
        Assert.Equal(20_000, sut.Collateral.Single().Value, 6);
    }

    [Fact]
    public void Evaluate_CollateralAndDebt_HealthFactorIsHaircutValueOverDebt()
    {
        var sut = Evaluate(Weth(10), Usdc(10_000));

        var haircut = HaircutModel.Compute(new HaircutInput(0.6, 20_000, 1e9)).Haircut;
        Assert.Equal(haircut, sut.Collateral.Single().Haircut, 12);
        Assert.Equal(20_000 * (1 - haircut) / 10_000, sut.HealthFactor!.Value, 9);
        Assert.True(haircut is > 0.05 and < 0.2, $"a one-day 99% haircut at 60% vol should be near 7%; it is {haircut}");
    }

    [Fact]
    public void Evaluate_PriceShock_RaisesANeedThatReachesTheTargetExactly()
    {
        var healthy = Evaluate(Weth(10), Usdc(12_000));
        var shocked = Evaluate(Weth(10), Usdc(12_000), markets: Markets(wethPrice: 1_500));

        Assert.Null(healthy.Need);
        var need = shocked.Need!;
        Assert.Equal(RebalanceDirection.Raise, need.Direction);
        Assert.True(shocked.HealthFactor < Options.BandMin);
        Assert.Equal(need.Target, (shocked.CollateralValueAfterHaircuts + need.ValueUsd) / shocked.Obligations, 9);
        Assert.Equal(Now, need.RaisedAt);
    }

    [Fact]
    public void Evaluate_NeedPersisting_KeepsWhenItWasRaised()
    {
        var earlier = new RebalanceNeed(RebalanceDirection.Raise, 1, 1.1, 1.425, Now.AddMinutes(-5));

        var sut = Evaluate(Weth(10), Usdc(12_000), markets: Markets(wethPrice: 1_500), previous: earlier);

        Assert.Equal(earlier.RaisedAt, sut.Need!.RaisedAt);
    }

    [Fact]
    public void Evaluate_FarAboveTheBand_OffersARelease()
    {
        var sut = Evaluate(Weth(10), Usdc(1_000));

        Assert.Equal(RebalanceDirection.Release, sut.Need!.Direction);
        Assert.Equal(sut.Need.Target, (sut.CollateralValueAfterHaircuts - sut.Need.ValueUsd) / sut.Obligations, 9);
    }

    [Fact]
    public void Evaluate_OpenBreaker_RaisesTheHaircutAndLowersHealth()
    {
        var calm = Evaluate(Weth(10), Usdc(10_000));
        var breaker = Evaluate(Weth(10), Usdc(10_000), markets: Markets(multiplier: 2.0));

        Assert.Equal(Math.Min(calm.Collateral[0].Haircut * 2, 1), breaker.Collateral[0].Haircut, 12);
        Assert.True(breaker.HealthFactor < calm.HealthFactor);
    }

    [Fact]
    public void Evaluate_MissingCollateralPrice_ValuesItAtZeroAndFlagsStale()
    {
        var markets = Markets();
        markets.Remove("WETH");

        var sut = Evaluate(Weth(10), Usdc(10_000), markets: markets);

        Assert.True(sut.Stale);
        Assert.Equal(0, sut.CollateralValueAfterHaircuts);
        Assert.Equal(0, sut.HealthFactor);
    }

    [Fact]
    public void Evaluate_ShortCall_OwesItsValueAndHasNegativeDeltaAndVega()
    {
        var call = new Exposure("c1", ExposureKind.Option, "WETH", 5m, PositionSide.Short, OptionRight.Call, 2_200m, Now.AddDays(30), ImpliedVolatility: 0.7m);

        var sut = Evaluate(Weth(10), UInt128.Zero, [call]);

        var g = BlackScholes.Greeks(OptionType.Call, 2_000, 2_200, 0, 0, 0.7, 30 / 365.0);
        Assert.Equal(5 * g.Price, sut.Margin.MarkToMarketLiability, 6);
        var greeks = sut.Greeks.Single();
        Assert.Equal(-5 * g.Delta, greeks.Delta, 9);
        Assert.Equal(-5 * g.Vega * 0.01, greeks.Vega, 9);
        Assert.True(sut.Margin.Scenario > 0 && sut.Margin.ExpectedShortfall > 0);
        Assert.Equal(Math.Max(sut.Margin.Scenario, sut.Margin.ExpectedShortfall) + sut.Margin.MarkToMarketLiability, sut.Margin.Total, 9);
        Assert.NotNull(sut.HealthFactor);
    }

    [Fact]
    public void Evaluate_PerpsLongAndShort_NetDeltaAndUnrealizedLoss()
    {
        var longPerp = new Exposure("l", ExposureKind.Perp, "WETH", 3m, PositionSide.Long, EntryPrice: 2_500m);
        var shortPerp = new Exposure("s", ExposureKind.Perp, "WETH", 1m, PositionSide.Short, EntryPrice: 1_900m);

        var sut = Evaluate(Weth(10), UInt128.Zero, [longPerp, shortPerp]);

        // Long 3 from 2,500 loses 1,500 at 2,000; short 1 from 1,900 loses 100.
        Assert.Equal(1_600, sut.Margin.MarkToMarketLiability, 9);
        Assert.Equal(2, sut.Greeks.Single().Delta, 12);
        Assert.Equal(4_000, sut.Greeks.Single().DeltaUsd, 9);
    }

    private static VaultHealth EvaluateHedged(UInt128 weth, UInt128 usdcDebt, IReadOnlyList<Exposure> exposures, double realized = 0.0, double wethPrice = 2_000)
    {
        var markets = Markets(wethPrice);
        var balances = new VaultBalances(new Dictionary<string, UInt128> { ["WETH"] = weth }, new Dictionary<string, UInt128> { ["USDC"] = usdcDebt }, Decimals);
        var book = ExposurePortfolio.Build(exposures, markets, Now, Options, realized, held: balances.NetUnits());
        return VaultRiskModel.Evaluate(Key, balances, book, VaultRiskModel.ExpectedShortfall(book, Options), markets, Options, null, Now);
    }

    private static Exposure MeshHedge(decimal size, decimal entry) => new(VaultGrain.HedgeExposurePrefix + "WETH", ExposureKind.Perp, "WETH", size, PositionSide.Short, EntryPrice: entry);

    [Fact]
    public void Evaluate_MeshHedgeInProfit_CountsItsGainNetOfTheBooksLossesAsCollateralAfterTheHaircut()
    {
        // 10 WETH at 1,500 against 8,000 USDC; the mesh is short 10 from 2,000 (+5,000); the protocol's long perp of 2
        // from 2,000 has lost 1,000: the book is worth +4,000, all of it the hedge's.
        var protocolLong = new Exposure("l", ExposureKind.Perp, "WETH", 2m, PositionSide.Long, EntryPrice: 2_000m);

        var sut = EvaluateHedged(Weth(10), Usdc(8_000), [protocolLong, MeshHedge(10m, 2_000m)], wethPrice: 1_500);

        Assert.Equal(0.0, sut.Margin.MarkToMarketLiability, 9);
        Assert.Equal(4_000.0, sut.Margin.HedgeGain, 9);
        var weth = sut.Collateral.Single();
        Assert.Equal(weth.ValueAfterHaircut + (4_000.0 * (1 - Options.HedgeGainHaircut)), sut.CollateralValueAfterHaircuts, 9);
        Assert.Equal(sut.CollateralValueAfterHaircuts / sut.Obligations, sut.HealthFactor!.Value, 12);
    }

    [Fact]
    public void Evaluate_ProtocolsOwnGainWithoutMeshHedge_IsNotCollateral()
    {
        // The same +5,000 short, reported by the protocol: its gain offsets what the book owes, never more.
        var reported = new Exposure("s", ExposureKind.Perp, "WETH", 10m, PositionSide.Short, EntryPrice: 2_000m);

        var sut = EvaluateHedged(Weth(10), Usdc(8_000), [reported], wethPrice: 1_500);

        Assert.Equal(0.0, sut.Margin.HedgeGain);
        Assert.Equal(sut.Collateral.Single().ValueAfterHaircut, sut.CollateralValueAfterHaircuts, 9);
    }

    [Fact]
    public void Evaluate_MeshHedgeRealizedLoss_OwesItAndCapsTheCredit()
    {
        // The hedge realized -3,000 when it shrank and is +1,000 on what is left: the hedges are worth -2,000 in all.
        var sut = EvaluateHedged(Weth(10), Usdc(8_000), [MeshHedge(2m, 2_000m)], realized: -3_000.0, wethPrice: 1_500);

        Assert.Equal(2_000.0, sut.Margin.MarkToMarketLiability, 9);
        Assert.Equal(0.0, sut.Margin.HedgeGain);
    }

    [Fact]
    public void Evaluate_MeshHedgeOfTheCollateral_MarginIsWhatItAddsToTheHoldingsNotANakedShorts()
    {
        var naked = EvaluateHedged(UInt128.Zero, UInt128.Zero, [MeshHedge(10m, 2_000m)]);
        var full = EvaluateHedged(Weth(10), Usdc(8_000), [MeshHedge(10m, 2_000m)]);
        var half = EvaluateHedged(Weth(10), Usdc(8_000), [MeshHedge(5m, 2_000m)]);
        var over = EvaluateHedged(Weth(10), Usdc(8_000), [MeshHedge(25m, 2_000m)]);

        // Without holdings the short is margined as what it is; against 10 WETH a short of 10 or 5 adds no loss in any
        // scenario. A short of 25 is net short 15: its worst loss (a rise) less the holdings' worst loss (a fall, which
        // their haircut covers and which a rise does not take).
        Assert.True(naked.Margin.Scenario > 2_000, $"{naked.Margin.Scenario}");
        Assert.Equal(0.0, full.Margin.Scenario, 9);
        Assert.Equal(0.0, half.Margin.Scenario, 9);
        Assert.Equal(0.0, full.Margin.ExpectedShortfall, 9);
        var netShort = Evaluate(UInt128.Zero, UInt128.Zero, [new Exposure("s", ExposureKind.Perp, "WETH", 15m, PositionSide.Short, EntryPrice: 2_000m)]).Margin.Scenario;
        var holdings = Evaluate(UInt128.Zero, UInt128.Zero, [new Exposure("l", ExposureKind.Perp, "WETH", 10m, PositionSide.Long, EntryPrice: 2_000m)]).Margin.Scenario;
        Assert.True(netShort > holdings && holdings > 0, $"{netShort}, {holdings}");
        Assert.Equal(netShort - holdings, over.Margin.Scenario, 6);
    }

    [Fact]
    public void Evaluate_SmallMeshHedgeBesideAReportedBook_ChangesItsMarginALittle()
    {
        // The protocol's own short of 10 against 10 WETH held: margined as reported, with or without a small mesh hedge.
        var reported = new Exposure("s", ExposureKind.Perp, "WETH", 10m, PositionSide.Short, EntryPrice: 2_000m);
        var shortPut = new Exposure("p", ExposureKind.Option, "WETH", 4m, PositionSide.Short, OptionRight.Put, 1_800m, Now.AddDays(14), ImpliedVolatility: 0.7m);

        var alone = EvaluateHedged(Weth(10), Usdc(8_000), [reported, shortPut]);
        var tiny = EvaluateHedged(Weth(10), Usdc(8_000), [reported, shortPut, MeshHedge(0.01m, 2_000m)]);

        Assert.True(alone.Margin.Scenario > 1_000, $"{alone.Margin.Scenario}");
        Assert.InRange(tiny.Margin.Scenario, alone.Margin.Scenario - 50, alone.Margin.Scenario + 50);
        Assert.InRange(tiny.Margin.ExpectedShortfall, alone.Margin.ExpectedShortfall - 50, alone.Margin.ExpectedShortfall + 50);
    }

    [Fact]
    public void Evaluate_HedgedPerps_NeedLessScenarioMarginThanOneSide()
    {
        var one = new Exposure("a", ExposureKind.Perp, "WETH", 4m, PositionSide.Long, EntryPrice: 2_000m);
        var hedge = new Exposure("b", ExposureKind.Perp, "WETH", 4m, PositionSide.Short, EntryPrice: 2_000m);

        var naked = Evaluate(Weth(10), UInt128.Zero, [one]);
        var hedged = Evaluate(Weth(10), UInt128.Zero, [one, hedge]);

        Assert.True(naked.Margin.Scenario > 0);
        Assert.Equal(0, hedged.Margin.Scenario, 9);
        Assert.Equal(0, hedged.Greeks.Single().Delta, 12);
    }
    [Fact]
    public void Evaluate_VolatilityJumpsWithAntiProcyclicalHaircuts_HaircutRisesAtTheSpeedLimitFromTheBufferedFloor()
    {
        var options = new VaultRiskOptions { AntiProcyclical = new AntiProcyclicalOptions { Buffer = 0.25, MaxRisePerHour = 0.05 } };
        var balances = new VaultBalances(new Dictionary<string, UInt128> { ["WETH"] = Weth(10) }, new Dictionary<string, UInt128> { ["USDC"] = Usdc(10_000) }, Decimals);
        var applied = new Dictionary<string, AppliedHaircut>(StringComparer.Ordinal);
        VaultHealth At(double volatility, DateTimeOffset when)
        {
            var markets = new Dictionary<string, AssetMarket>
            {
                ["WETH"] = new AssetMarket("WETH", 2_000, volatility, 1e9, 1.0, false, LongRunVolatility: 0.6),
                ["USDC"] = new AssetMarket("USDC", 1.0, 0.01, 1e10, 1.0, false),
            };
            var book = ExposurePortfolio.Build([], markets, when, options);
            return VaultRiskModel.Evaluate(Key, balances, book, 0.0, markets, options, null, when, applied);
        }

        var calm = At(0.6, Now);
        var spiked = At(2.4, Now.AddMinutes(30));

        // Calm: the model's haircut at 60% vol is the through-the-cycle one; the buffer adds a quarter of it.
        var throughTheCycle = HaircutModel.Compute(new HaircutInput(0.6, 20_000, 1e9)).Haircut;
        var model = HaircutModel.Compute(new HaircutInput(2.4, 20_000, 1e9)).Haircut;
        Assert.Equal(throughTheCycle * 1.25, calm.Collateral.Single().Haircut, 12);
        // The forecast quadruples: the model asks for far more, the haircut rises 2.5 points in the half hour.
        Assert.True(model > (throughTheCycle * 1.25) + 0.1, $"the model's haircut at 240% vol is {model}");
        Assert.Equal((throughTheCycle * 1.25) + 0.025, spiked.Collateral.Single().Haircut, 12);
        Assert.Equal(20_000 * (1 - spiked.Collateral.Single().Haircut) / 10_000, spiked.HealthFactor!.Value, 9);
    }
}
