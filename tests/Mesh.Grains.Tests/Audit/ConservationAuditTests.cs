using Mesh.Audit;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Protocols;
using Mesh.Vaults;
using static Mesh.Grains.Tests.Infrastructure.Members;

namespace Mesh.Grains.Tests.Audit;

/// <summary>The conservation audit over real grains and a simulated chain: every asset balances, in flight included.</summary>
public sealed class ConservationAuditTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private readonly Members _members = new(fixture);

    private Task<ConservationReport> Audit() => fixture.Client.GetGrain<IConservationAuditGrain>(0).Run();

    private static ChainConservation Line(ConservationReport report, string asset, string chain = Chain) =>
        report.Assets.Single(a => a.Asset == asset).Chains.Single(c => c.Chain == chain);

    [Fact]
    public async Task Run_AfterDepositSupplyDrawRepay_BalancesEveryAssetToTheUnit()
    {
        await _members.PricesAsync();
        var lender = await _members.DepositedAsync("lender", 0xA1, "USDC", 100_000 * UsdcUnit);
        var borrower = await _members.DepositedAsync("borrower", 0xB2, "WETH", 10 * WethUnit);
        await lender.Supply(new VaultMovement("sup", "USDC", 80_000 * UsdcUnit));
        await borrower.Draw(new VaultMovement("draw", "USDC", 3_000 * UsdcUnit));
        await borrower.Repay(new VaultMovement("repay", "USDC", 1_000 * UsdcUnit));

        var sut = await Audit();

        Assert.True(sut.Balanced, string.Join("; ", sut.Assets.SelectMany(a => a.Chains.Select(c => $"{a.Asset}/{c.Chain}: {c.Difference}"))));
        var usdc = Line(sut, "USDC");
        Assert.Equal(await _members.SimulatedChain.GetBalanceAsync("USDC", _members.SimulatedChain.Definition.Contracts.Vault), usdc.OnChain);
        Assert.Equal(usdc.OnChain, usdc.PoolFree + usdc.VaultBalances);
        Assert.Equal(UInt128.Zero, usdc.InTransit);
        var pool = sut.Assets.Single(a => a.Asset == "USDC").Pool;
        Assert.True(pool.Balanced, pool.Problem);
        Assert.InRange(pool.CreditOutstanding, 2_000 * UsdcUnit, (2_000 * UsdcUnit) + 1_000);
        Assert.Equal("0", Line(sut, "WETH").Difference);
        Assert.Empty(sut.InFlight);
    }

    [Fact]
    public async Task Run_WhileWithdrawalAndDepositWaitOnAHaltedChain_CountsOnlyTheWithdrawalInTransit()
    {
        await _members.PricesAsync();
        var vault = await _members.DepositedAsync("mover", 0xC3, "USDC", 5_000 * UsdcUnit);
        var (_, other, account) = await _members.JoinAsync("waiter", 0xC4);
        _members.SimulatedChain.Fund(account, "USDC", 700 * UsdcUnit);
        _members.SimulatedChain.HaltBlocks();
        try
        {
            var withdrawal = await vault.Withdraw(new VaultMovement("out", "USDC", 2_000 * UsdcUnit));
            var deposit = await other.Deposit(new VaultMovement("in", "USDC", 700 * UsdcUnit));

            var sut = await Audit();

            Assert.Equal(OperationStatus.Pending, withdrawal.Status);
            Assert.Equal(OperationStatus.Pending, deposit.Status);
            Assert.True(sut.Balanced, Line(sut, "USDC").Difference);
            Assert.Equal(2_000 * UsdcUnit, Line(sut, "USDC").InTransit);
            var flights = sut.InFlight.OrderBy(f => f.Kind).ToList();
            Assert.Equal([(OperationKind.Deposit, "recorded", UInt128.Zero), (OperationKind.Withdraw, "recorded", 2_000 * UsdcUnit)], flights.Select(f => (f.Kind, f.Stage, f.InTransit)));
        }
        finally
        {
            _members.SimulatedChain.ResumeBlocks();
        }

        await SettledAsync(vault, (await vault.Operation("out"))!);
        await SettledAsync(other, (await other.Operation("in"))!);
        var settled = await Audit();
        Assert.True(settled.Balanced);
        Assert.Equal(UInt128.Zero, Line(settled, "USDC").InTransit);
    }

    [Fact]
    public async Task Directory_ListsEveryProtocolThatJoined_InIdOrderAcrossPartitions()
    {
        var joined = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            joined.Add((await _members.JoinAsync($"dir{i:D2}", 0xD00 + i)).Protocol);
        }

        var seen = new List<string>();
        string? after = null;
        bool more;
        do
        {
            (var ids, more) = await ProtocolDirectory.PageAsync(fixture.Client, after, 7);
            Assert.InRange(ids.Count, more ? 7 : 0, 7);
            seen.AddRange(ids);
            after = ids.Count > 0 ? ids[^1] : after;
        }
        while (more);

        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        Assert.Equal(seen.Distinct(), seen);
        Assert.Subset(seen.ToHashSet(), joined.ToHashSet());
    }
}
