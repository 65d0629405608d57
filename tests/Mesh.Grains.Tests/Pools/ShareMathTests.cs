using FsCheck;
using FsCheck.Fluent;
using Mesh.Grains.Pools;

namespace Mesh.Grains.Tests.Pools;

public sealed class ShareMathTests
{
    private static readonly UInt128 Ether = 1_000_000_000_000_000_000UL;

    [Fact]
    public void PreviewDeposit_EmptyPool_MintsTenToTheOffsetSharesPerUnit()
    {
        var sut = new ShareSupply(0, 0, 6);

        Assert.Equal((UInt128)1_000_000, ShareMath.PreviewDeposit(sut, 1));
        Assert.Equal((UInt128)5_000_000, ShareMath.PreviewDeposit(sut, 5));
    }

    [Fact]
    public void Previews_TinyAmountsAtAnUnevenPrice_RoundInThePoolsFavour()
    {
        // 3 assets back 2 real + 1 virtual share (offset 0): one share is worth (3 + 1) / 3 = 1.33 assets.
        var sut = new ShareSupply(3, 2, 0);

        Assert.Equal((UInt128)0, ShareMath.PreviewDeposit(sut, 1)); // 0.75 shares: none minted.
        Assert.Equal((UInt128)1, ShareMath.PreviewWithdraw(sut, 1)); // 0.75 shares: one burned.
        Assert.Equal((UInt128)1, ShareMath.PreviewRedeem(sut, 1)); // 1.33 assets: one paid.
        Assert.Equal((UInt128)2, ShareMath.PreviewMint(sut, 1)); // 1.33 assets: two charged.
    }

    [Fact]
    public void PreviewDeposit_AfterDonationInflationAttack_AttackerLosesMoreThanVictim()
    {
        // The attacker is first with 1 unit, then donates 1 ether straight into the pool to inflate the share price.
        const int offset = 6;
        var attackerShares = ShareMath.PreviewDeposit(new ShareSupply(0, 0, offset), 1);
        var donated = new ShareSupply(1 + Ether, attackerShares, offset);

        // The victim deposits 2 ether at the inflated price.
        var victimDeposit = 2 * Ether;
        var victimShares = ShareMath.PreviewDeposit(donated, victimDeposit);
        var after = new ShareSupply(donated.TotalAssets + victimDeposit, attackerShares + victimShares, offset);
        var victimGets = ShareMath.PreviewRedeem(after, victimShares);
        var attackerGets = ShareMath.PreviewRedeem(after, attackerShares);

        var victimLoss = victimDeposit - victimGets;
        var attackerLoss = (1 + Ether) - attackerGets;
        Assert.True(victimShares > UInt128.Zero);
        Assert.True(attackerLoss > 1000 * victimLoss, $"attacker lost {attackerLoss}, victim {victimLoss}");
        Assert.True(victimLoss < victimDeposit / 1_000_000, $"victim lost {victimLoss} of {victimDeposit}");
    }

    [Fact]
    public void PreviewDeposit_WithoutOffsetAfterDonation_VictimIsRobbed()
    {
        // The same attack against offset 0 shows why the offset matters: the victim loses a large part of the deposit.
        var donated = new ShareSupply(1 + Ether, 1, 0);
        var victimShares = ShareMath.PreviewDeposit(donated, 2 * Ether);
        var after = new ShareSupply(donated.TotalAssets + (2 * Ether), 1 + victimShares, 0);

        Assert.True(ShareMath.PreviewRedeem(after, victimShares) < 2 * Ether * 19 / 20);
    }

    [Fact]
    public void RoundTrips_AnySupply_NeverFavourTheUser()
    {
        // Prices from 1/100 to 100 assets per (10^offset) shares, with noise so that divisions rarely come out even.
        var gen =
            from assets in Amounts.Any
            from price in Gen.Choose(1, 10_000)
            from noise in Gen.Choose(0, 999)
            from amount in Amounts.Any
            from offset in Gen.Choose(0, 4)
            let shares = (assets * FixedPoint.Pow10(offset) * 100 / (uint)price) + (uint)noise
            select (Supply: new ShareSupply(assets, shares, offset), Amount: amount);
        var overflowed = 0;
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(500), Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var s = c.Supply;
            var x = c.Amount;
            try
            {
                // Deposit then redeem at the same price pays back at most the deposit.
                var minted = ShareMath.PreviewDeposit(s, x);
                var back = ShareMath.PreviewRedeem(s with { TotalAssets = s.TotalAssets + x, TotalShares = s.TotalShares + minted }, minted);

                // Withdrawing x burns shares worth at least x; minting x shares costs assets that would mint at least x.
                var burned = ShareMath.PreviewWithdraw(s, x);
                var cost = ShareMath.PreviewMint(s, x);
                return back <= x
                    && ShareMath.ConvertToAssets(s, burned, Rounding.Floor) >= x
                    && ShareMath.PreviewDeposit(s, cost) >= x
                    && burned >= ShareMath.ConvertToShares(s, x, Rounding.Floor)
                    && cost >= ShareMath.PreviewRedeem(s, x);
            }
            catch (OverflowException)
            {
                // A conversion that leaves 128 bits is refused, never wrapped; nothing to compare.
                overflowed++;
                return true;
            }
        }));
        Assert.True(overflowed < 25, $"{overflowed} of 500 cases overflowed");
    }
}
