using Mesh.Errors;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class PoolLedgerTests
{
    private static readonly UInt128 Million = 1_000_000;

    [Fact]
    public void Deposit_FirstAndSecond_MintAtTheSharePrice()
    {
        var f = new PoolFixture(shareDecimalsOffset: 3);

        var first = f.Sut.Deposit("lp1", "a", Million, f.Now);
        var second = f.Sut.Deposit("lp2", "b", 500_000, f.Now);

        Assert.Equal(Million * 1000, first);
        Assert.Equal((UInt128)500_000_000, second);
        Assert.Equal(first + second, f.Sut.State.TotalShares);
        Assert.Equal((UInt128)500_000, f.Sut.State.Chains["b"].Free);
        f.Sut.CheckInvariants();
    }

    [Fact]
    public void CheckOperation_ChainFlowBroken_IsCaughtAtOnce()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 1_000);
        f.Sut.CheckOperation("p1/a"); // the first on a ledger: the full check

        f.Sut.State.Chains["a"].Free += 1;

        var e = Assert.Throws<InvalidOperationException>(() => f.Sut.CheckOperation("lp1"));
        Assert.Contains("chain 'a' holds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOperation_UntouchedVaultBroken_IsCaughtByTheFullCheckWithinItsPeriod()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 1_000);
        f.Draw("p2/a", 2_000);
        f.Sut.CheckOperation("p1/a");

        f.Sut.State.Vaults["p2/a"].RiskFactors = [];

        // The operations on p1/a do not look at p2/a; the full check, every FullCheckEvery-th, does.
        for (var i = 1; i < PoolLedger.FullCheckEvery; i++)
        {
            f.Sut.CheckOperation("p1/a");
        }

        var e = Assert.Throws<InvalidOperationException>(() => f.Sut.CheckOperation("p1/a"));
        Assert.Contains("vault 'p2/a' has no risk factor", e.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => f.Sut.CheckOperation("p2/a"));
    }

    [Fact]
    public void CheckInvariants_KeptCreditOutstandingDrifted_IsCaught()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 1_000);
        _ = f.Sut.View(f.Now); // keeps the credit outstanding at the index

        // A vault's debt changed behind the ledger's back (no operation moved the kept sum with it).
        f.Sut.State.Vaults["p1/a"].ScaledDebt += 1;
        f.Sut.State.TotalScaledDebt += 1;

        var e = Assert.Throws<InvalidOperationException>(f.Sut.CheckInvariants);
        Assert.Contains("the credit outstanding kept is", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accrue_AYearAtHalfUtilization_LendersEarnBorrowersPayReserveTakesItsShare()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 500_000);

        f.Clock.Advance(TimeSpan.FromDays(365));
        f.Sut.Accrue(f.Now);

        // At 50% utilization the default curve charges 0.04 × 0.5 / 0.8 = 2.5% a year, compounded per second.
        var debt = f.Sut.DebtOf("p1/a", f.Now);
        var interest = debt - 500_000;
        Assert.InRange(interest, (UInt128)12_657, (UInt128)12_659); // 500,000 × (e^0.025 − 1) = 12,657.9
        var view = f.Sut.View(f.Now);
        Assert.Equal(interest / 10, view.Reserve);
        Assert.Equal(Million + interest - view.Reserve, view.LenderAssets);
        Assert.True(f.Sut.AssetsOf("lp1", f.Now) <= view.LenderAssets);
        Assert.True(f.Sut.AssetsOf("lp1", f.Now) > Million);
        f.Sut.CheckInvariants();
    }

    [Fact]
    public void Repay_WholeDebt_ClosesTheVaultAndLendersKeepTheInterest()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 800_000);
        f.Clock.Advance(TimeSpan.FromDays(30));
        var debt = f.Sut.DebtOf("p1/a", f.Now);

        var sut = f.Sut.Repay("p1/a", debt, f.Now);

        Assert.Equal(UInt128.Zero, sut.RemainingDebt);
        Assert.False(f.Sut.State.Vaults.ContainsKey("p1/a"));
        Assert.Equal(UInt128.Zero, f.Sut.State.TotalScaledDebt);
        Assert.Equal(Million + debt - 800_000, f.Sut.State.Chains["a"].Free);
        f.Sut.CheckInvariants();
    }

    [Fact]
    public void Repay_MoreThanTheDebt_IsRefusedNamingTheDebt()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 1_000);

        var ex = Assert.Throws<MeshException>(() => f.Sut.Repay("p1/a", 1_001, f.Now));

        Assert.Equal(PoolErrorCodes.RepayExceedsDebt, ex.Code);
        Assert.Equal("amount", ex.Field);
        Assert.Contains("owes 1000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recall_ThenDraw_IsRefusedUntilRepaid()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 10_000);

        var due = f.Sut.Recall("p1/a", 4_000, f.Now);
        var refused = Assert.Throws<MeshException>(() => f.Draw("p1/a", 1));
        var repaid = f.Sut.Repay("p1/a", 4_000, f.Now);

        Assert.Equal((UInt128)4_000, due);
        Assert.Equal(PoolErrorCodes.RecallOutstanding, refused.Code);
        Assert.Equal(MeshErrorKind.Conflict, refused.Kind);
        Assert.Equal(UInt128.Zero, repaid.RecallDue);
        Assert.Equal((UInt128)1, f.Draw("p1/a", 1).Granted);
    }

    [Fact]
    public void Recall_MoreThanTheDebt_RecallsAllOfIt()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 10_000);

        Assert.Equal((UInt128)10_000, f.Sut.Recall("p1/a", UInt128.MaxValue, f.Now));
    }

    [Fact]
    public void RecallOverCaps_TightenedRiskFactorCap_RecallsTheExcessProRataAndRepayingItRestoresTheCap()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 300_000);
        f.Draw("p2/a", 100_000);
        var caps = PoolFixture.OpenCaps();
        caps.RiskFactorCaps["eth"] = new RiskFactorCap { Absolute = 200_000, RelativeWad = FixedPoint.Wad };
        f.Sut.SetCaps(caps);

        var sut = f.Sut.RecallOverCaps(f.Now);

        Assert.Equal((UInt128)150_000, sut["p1/a"]);
        Assert.Equal((UInt128)50_000, sut["p2/a"]);
        Assert.Equal(PoolErrorCodes.RecallOutstanding, Assert.Throws<MeshException>(() => f.Draw("p2/a", 1)).Code);
        f.Sut.Repay("p1/a", sut["p1/a"], f.Now);
        f.Sut.Repay("p2/a", sut["p2/a"], f.Now);
        Assert.Equal((UInt128)200_000, f.Sut.RiskFactorAllocated("eth"));
        Assert.Empty(f.Sut.RecallOverCaps(f.Now));
    }

    [Fact]
    public void Withdraw_MoreThanChainLiquidity_IsRefusedAndChangesNothing()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 900_000);
        var before = PoolFixture.Json(f.Sut.State);

        var ex = Assert.Throws<MeshException>(() => f.Sut.Withdraw("lp1", "a", 100_001, f.Now));

        Assert.Equal(PoolErrorCodes.InsufficientLiquidity, ex.Code);
        Assert.Equal(before, PoolFixture.Json(f.Sut.State));
    }

    [Fact]
    public void Draw_AboveUtilizationCap_IsRefusedWithItsCode()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        var caps = PoolFixture.OpenCaps();
        caps.UtilizationCapWad = FixedPoint.Wad / 2;
        f.Sut.SetCaps(caps);

        var ex = Assert.Throws<MeshException>(() => f.Draw("p1/a", 500_001));

        Assert.Equal(PoolErrorCodes.UtilizationCap, ex.Code);
        Assert.Equal(MeshErrorKind.Refused, ex.Kind);
        Assert.Equal((UInt128)500_000, f.Draw("p1/a", 600_000, partial: true).Granted);
    }

    [Fact]
    public void Draw_RiskFactorSharedByTwoVaults_CapsTheirSum()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        var caps = PoolFixture.OpenCaps();
        caps.RiskFactorCaps["eth-oracle"] = new RiskFactorCap { Absolute = 300_000, RelativeWad = FixedPoint.Wad };
        f.Sut.SetCaps(caps);
        f.Draw("p1/a", 200_000, "a", false, "eth-oracle", "p1-market");

        var ex = Assert.Throws<MeshException>(() => f.Draw("p2/a", 100_001, "a", false, "eth-oracle"));

        Assert.Equal(PoolErrorCodes.RiskFactorAbsoluteCap, ex.Code);
        Assert.Contains("'eth-oracle'", ex.Message, StringComparison.Ordinal);
        Assert.Equal((UInt128)200_000, f.Sut.RiskFactorAllocated("eth-oracle"));
        Assert.Equal((UInt128)100_000, f.Draw("p2/a", 100_000, "a", false, "eth-oracle").Granted);
    }

    [Theory]
    [InlineData("", "a", 1, "holderId", PoolErrorCodes.IdRequired)]
    [InlineData("lp1", " ", 1, "chain", PoolErrorCodes.IdRequired)]
    [InlineData("lp1", "a", 0, "amount", PoolErrorCodes.AmountZero)]
    public void Deposit_InvalidInput_NamesTheField(string holder, string chain, ulong amount, string field, string code)
    {
        var f = new PoolFixture();

        var ex = Assert.Throws<MeshException>(() => f.Sut.Deposit(holder, chain, amount, f.Now));

        Assert.Equal(MeshErrorKind.Validation, ex.Kind);
        Assert.Equal(field, ex.Field);
        Assert.Equal(code, ex.Code);
    }

    [Fact]
    public void Deposit_Overflowing_IsRefusedAsTooLarge()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", UInt128.MaxValue / 2, f.Now);
        var before = PoolFixture.Json(f.Sut.State);

        var ex = Assert.Throws<MeshException>(() => f.Sut.Deposit("lp2", "b", UInt128.MaxValue / 2 + 2, f.Now));

        Assert.Equal(PoolErrorCodes.AmountTooLarge, ex.Code);
        Assert.Equal(before, PoolFixture.Json(f.Sut.State));
    }

    [Fact]
    public void Redeem_UnknownHolder_IsNotFound()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", 10, f.Now);

        var ex = Assert.Throws<MeshException>(() => f.Sut.Redeem("lp9", "a", 1, f.Now));

        Assert.Equal(MeshErrorKind.NotFound, ex.Kind);
        Assert.Equal(PoolErrorCodes.UnknownHolder, ex.Code);
    }

    [Fact]
    public void WithdrawReserve_AfterInterest_PaysTheReserveOnly()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 900_000);
        f.Clock.Advance(TimeSpan.FromDays(365));
        var reserve = f.Sut.View(f.Now).Reserve;

        var ex = Assert.Throws<MeshException>(() => f.Sut.WithdrawReserve("a", reserve + 1, f.Now));
        f.Sut.WithdrawReserve("a", reserve, f.Now);

        Assert.Equal(PoolErrorCodes.InsufficientReserve, ex.Code);
        Assert.True(reserve > UInt128.Zero);
        Assert.Equal(UInt128.Zero, f.Sut.View(f.Now).Reserve);
        f.Sut.CheckInvariants();
    }

    [Fact]
    public void MoveLiquidity_BetweenChains_KeepsTheTotal()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);

        f.Sut.MoveLiquidity("a", "b", 400_000);

        Assert.Equal((UInt128)600_000, f.Sut.State.Chains["a"].Free);
        Assert.Equal((UInt128)400_000, f.Sut.State.Chains["b"].Free);
        Assert.Equal(Million, f.Sut.View(f.Now).FreeLiquidity);
        f.Sut.CheckInvariants();
    }

    [Fact]
    public void Accrue_ClockBehindLastAccrual_AccruesNothing()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Draw("p1/a", 500_000);
        f.Clock.Advance(TimeSpan.FromDays(1));
        f.Sut.Accrue(f.Now);
        var index = f.Sut.State.BorrowIndexRay;

        f.Sut.Accrue(f.Now.AddMinutes(-5));

        Assert.Equal(index, f.Sut.State.BorrowIndexRay);
        Assert.Equal(f.Now.ToUnixTimeSeconds(), f.Sut.State.LastAccrualUnixSeconds);
    }

    [Fact]
    public void CheckInvariants_TamperedState_ThrowsNamingTheEquation()
    {
        var f = new PoolFixture();
        f.Sut.Deposit("lp1", "a", Million, f.Now);
        f.Sut.State.Chains["a"].Free += 1;

        var ex = Assert.Throws<InvalidOperationException>(f.Sut.CheckInvariants);

        Assert.Contains("chain 'a' holds 1000001 free", ex.Message, StringComparison.Ordinal);
    }
}
