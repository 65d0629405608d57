using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Mesh.Errors;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class PoolLedgerPropertyTests
{
    private static readonly string[] Holders = ["lp0", "lp1", "lp2"];
    private static readonly string[] Chains = ["a", "b", "c"];
    private static readonly string[] Vaults = ["p0/a", "p1/a", "p0/b", "p2/c"];
    private static readonly string[] Factors = ["eth", "btc", "oracle-x"];

    private static readonly Gen<PoolOp> OpGen =
        from kind in Gen.Frequency(
            (4, Gen.Constant(PoolOp.Op.Deposit)),
            (2, Gen.Constant(PoolOp.Op.Withdraw)),
            (2, Gen.Constant(PoolOp.Op.Redeem)),
            (4, Gen.Constant(PoolOp.Op.Draw)),
            (2, Gen.Constant(PoolOp.Op.Repay)),
            (1, Gen.Constant(PoolOp.Op.Recall)),
            (3, Gen.Constant(PoolOp.Op.Advance)),
            (1, Gen.Constant(PoolOp.Op.Move)),
            (1, Gen.Constant(PoolOp.Op.WithdrawReserve)),
            (1, Gen.Constant(PoolOp.Op.RoundTrip)),
            (1, Gen.Constant(PoolOp.Op.TightenAndRecall)))
        from a in Gen.Choose(0, 30 * 86_400)
        from b in Gen.Choose(0, 120)
        from amount in Amounts.Any
        from flag in Gen.Elements(true, false)
        select new PoolOp(kind, a, b, amount, flag);

    [Fact]
    public void AnySequence_KeepsInvariantsRefusalsChangeNothingAndRoundingNeverFavoursTheUser()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(150), Prop.ForAll(Gen.ListOf(OpGen).Resize(60).ToArbitrary(), ops =>
        {
            Run(ops, shareDecimalsOffset: 3);
            return true;
        }));
    }

    [Fact]
    public void AnySequence_WithoutVirtualOffset_StillConserves()
    {
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(60), Prop.ForAll(Gen.ListOf(OpGen).Resize(60).ToArbitrary(), ops =>
        {
            Run(ops, shareDecimalsOffset: 0);
            return true;
        }));
    }

    private static void Run(IEnumerable<PoolOp> ops, int shareDecimalsOffset)
    {
        var curve = new InterestRateCurveOptions { BaseRate = 0.02m, Slope1 = 0.1m, Slope2 = 2m };
        var f = new PoolFixture(shareDecimalsOffset, curve);
        var caps = PoolFixture.OpenCaps();
        caps.UtilizationCapWad = FixedPoint.Wad / 100 * 95;
        caps.ProtocolCaps["p1"] = (UInt128)BigInteger.Pow(10, 25);
        caps.DefaultRiskFactorCap = new RiskFactorCap { Absolute = (UInt128)BigInteger.Pow(10, 30), RelativeWad = FixedPoint.Wad / 10 * 7 };
        f.Sut.SetCaps(caps);
        var sut = f.Sut;

        foreach (var op in ops)
        {
            var before = PoolFixture.Json(sut.State);
            var indexBefore = sut.State.BorrowIndexRay;
            var priceBefore = Price(sut, f.Now);
            var claimsBefore = Holders.ToDictionary(h => h, h => sut.AssetsOf(h, f.Now));
            try
            {
                Apply(f, op, claimsBefore);
            }
            catch (MeshException ex)
            {
                // Amounts here stay far below 2^128, so a refusal for size would be a rounding bug caught by a checked step.
                Assert.NotEqual(PoolErrorCodes.AmountTooLarge, ex.Code);
                Assert.Equal(before, PoolFixture.Json(sut.State));
            }

            sut.CheckInvariants();
            Assert.True(sut.State.BorrowIndexRay >= indexBefore, "the borrow index fell");
            var priceAfter = Price(sut, f.Now);
            Assert.True(priceAfter.Assets * priceBefore.Shares >= priceBefore.Assets * priceAfter.Shares, $"the share price fell after {op}");

            var view = sut.View(f.Now);
            // The ledger keeps the credit outstanding between operations; one rebuilt from the same state, keeping
            // nothing yet, sees the same pool (ops at the same instant, between advances, reuse what was kept).
            Assert.Equal(new PoolLedger(sut.State, new InterestRateCurve(curve)).View(f.Now), view);
            BigInteger claims = view.Reserve;
            foreach (var h in sut.State.Holders.Keys)
            {
                claims += sut.AssetsOf(h, f.Now);
            }

            Assert.True(claims <= (BigInteger)view.FreeLiquidity + view.CreditOutstanding, $"claims {claims} exceed the pool after {op}");
        }
    }

    private static void Apply(PoolFixture f, PoolOp op, Dictionary<string, UInt128> claimsBefore)
    {
        var sut = f.Sut;
        var holder = Holders[op.A % Holders.Length];
        var chain = Chains[op.B % Chains.Length];
        var vault = Vaults[op.A % Vaults.Length];
        if (op.Kind is PoolOp.Op.Repay or PoolOp.Op.Recall && sut.State.Vaults.Count > 0 && op.Flag)
        {
            // Mostly act on a vault that has debt; otherwise on any, known or not.
            vault = sut.State.Vaults.Keys.Order(StringComparer.Ordinal).ElementAt(op.A % sut.State.Vaults.Count);
        }

        switch (op.Kind)
        {
            case PoolOp.Op.Deposit:
                sut.Deposit(holder, chain, op.Amount, f.Now);
                Assert.True(sut.AssetsOf(holder, f.Now) <= (BigInteger)claimsBefore[holder] + op.Amount, "a deposit was worth more than paid");
                break;
            case PoolOp.Op.Withdraw:
                sut.Withdraw(holder, chain, op.Amount, f.Now);
                Assert.True((BigInteger)sut.AssetsOf(holder, f.Now) + op.Amount <= claimsBefore[holder], "a withdrawal paid more than it burned");
                break;
            case PoolOp.Op.Redeem:
                var shares = (UInt128)((BigInteger)sut.SharesOf(holder) * Math.Min(op.B, 100) / 100);
                var paid = sut.Redeem(holder, Chains[op.A % Chains.Length], shares, f.Now);
                Assert.True((BigInteger)sut.AssetsOf(holder, f.Now) + paid <= claimsBefore[holder], "a redemption paid more than it burned");
                break;
            case PoolOp.Op.Draw:
                var factors = Factors.Where((_, i) => ((op.B % 8) & (1 << i)) != 0).ToArray();
                var parts = vault.Split('/');
                var owed = sut.DebtOf(vault, f.Now);
                var decision = sut.Draw(new CreditRequest(vault, parts[0], parts[1], op.Amount, factors, op.Flag), f.Now);
                Assert.True(decision.Granted <= op.Amount && decision.Granted > UInt128.Zero);
                Assert.True(sut.DebtOf(vault, f.Now) - owed >= decision.Granted, "a draw added less debt than it paid out");
                break;
            case PoolOp.Op.Repay:
                var debt = sut.DebtOf(vault, f.Now);
                var amount = op.B >= 100 ? debt : (UInt128)((BigInteger)debt * op.B / 100);
                var result = sut.Repay(vault, amount, f.Now);
                Assert.True(debt - result.RemainingDebt <= amount, "a repayment cut the debt by more than was paid");
                break;
            case PoolOp.Op.Recall:
                sut.Recall(vault, op.Amount, f.Now);
                break;
            case PoolOp.Op.Advance:
                f.Clock.Advance(TimeSpan.FromSeconds(op.A));
                sut.Accrue(f.Now);
                break;
            case PoolOp.Op.Move:
                sut.MoveLiquidity(Chains[op.A % Chains.Length], chain, op.Amount);
                break;
            case PoolOp.Op.WithdrawReserve:
                sut.WithdrawReserve(Chains[op.A % Chains.Length], op.Amount, f.Now);
                break;
            case PoolOp.Op.RoundTrip:
                var probeChain = Chains[op.A % Chains.Length];
                var minted = sut.Deposit("probe", probeChain, op.Amount, f.Now);
                var back = sut.Redeem("probe", probeChain, minted, f.Now);
                Assert.True(back <= op.Amount, $"deposit {op.Amount} then redeem returned {back}");
                break;
            case PoolOp.Op.TightenAndRecall:
                TightenAndRecall(f, op.B);
                break;
        }
    }

    private static void TightenAndRecall(PoolFixture f, int percent)
    {
        var sut = f.Sut;
        var original = sut.State.Caps;
        var largest = Factors.Select(sut.RiskFactorAllocated).DefaultIfEmpty(UInt128.Zero).Max();
        var tight = PoolFixture.OpenCaps();
        tight.UtilizationCapWad = original.UtilizationCapWad;
        tight.ProtocolCaps["p1"] = original.ProtocolCaps["p1"];
        tight.DefaultRiskFactorCap = new RiskFactorCap
        {
            Absolute = (UInt128)((BigInteger)largest * Math.Min(percent, 100) / 100),
            RelativeWad = original.DefaultRiskFactorCap!.RelativeWad,
        };
        sut.SetCaps(tight);

        var due = sut.RecallOverCaps(f.Now);
        foreach (var (vault, amount) in due)
        {
            sut.Repay(vault, amount, f.Now);
        }

        // Once the recalls are repaid no cap is exceeded.
        var view = sut.View(f.Now);
        var assets = (BigInteger)view.FreeLiquidity + view.CreditOutstanding;
        Assert.True(view.CreditOutstanding <= assets * tight.UtilizationCapWad / FixedPoint.Wad, "utilization above its cap after recall");
        Assert.True(sut.ProtocolAllocated("p1") <= tight.ProtocolCaps["p1"], "protocol above its cap after recall");
        foreach (var factor in Factors)
        {
            var limit = BigInteger.Min(tight.DefaultRiskFactorCap.Absolute, assets * tight.DefaultRiskFactorCap.RelativeWad / FixedPoint.Wad);
            Assert.True(sut.RiskFactorAllocated(factor) <= limit, $"risk factor {factor} above its cap after recall");
        }

        sut.SetCaps(original);
    }

    private static (BigInteger Assets, BigInteger Shares) Price(PoolLedger sut, DateTimeOffset now) =>
        ((BigInteger)sut.View(now).LenderAssets + 1, (BigInteger)sut.State.TotalShares + BigInteger.Pow(10, sut.State.ShareDecimalsOffset));
}
