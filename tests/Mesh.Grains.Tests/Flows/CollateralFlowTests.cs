using Mesh.Chains.Simulated;
using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Protocols;
using Mesh.Testing;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Flows;

/// <summary>Deposits on a chain, a shared pool, credit drawn and repaid: the books balance against the chain at every step.</summary>
public sealed class CollateralFlowTests(DomainFixture fixture) : IClassFixture<DomainFixture>
{
    private const string Chain = "local-a";
    private static readonly UInt128 UsdcUnit = 1_000_000;
    private static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;

    private ISimulatedChain SimulatedChain =>
        fixture.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<ISimulatedChainProvider>().GetSimulated(Chain);

    private async Task<(string Protocol, IVaultGrain Vault, string Account)> Member(string prefix, int n)
    {
        var protocol = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var account = $"0x{n:x40}";
        await fixture.Client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest(prefix, [Chain], "ops@example.org", RiskTier.Conservative, account));
        return (protocol, fixture.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Chain).ToString()), account);
    }

    private async Task Prices()
    {
        foreach (var (asset, price) in new[] { ("WETH", 2_000m), ("USDC", 1m) })
        {
            for (var i = 1; i <= 3; i++)
            {
                await fixture.Client.GetGrain<IOracleGrain>(asset).Observe(new PriceObservation($"feed-{i}", price, TimeProvider.System.GetUtcNow()));
            }
        }
    }

    private static async Task<OperationReceipt> Settled(IVaultGrain vault, OperationReceipt started)
    {
        OperationReceipt? receipt = started;
        await Eventually.TrueAsync(async () => (receipt = await vault.Operation(started.OperationId))!.Status != OperationStatus.Pending, $"operation {started.OperationId} settles", TimeSpan.FromSeconds(30));
        return receipt!;
    }

    private static async Task<UInt128> Balance(IVaultGrain vault, string asset) =>
        (await vault.Health()).Collateral.SingleOrDefault(c => c.Asset == asset)?.Amount ?? UInt128.Zero;

    [Fact]
    public async Task DepositSupplyDrawRepay_BooksMatchTheChainAndConserveEveryAsset()
    {
        await Prices();
        var (lender, lenderVault, lenderAccount) = await Member("lender", 0xA1);
        var (borrower, borrowerVault, borrowerAccount) = await Member("borrower", 0xB2);
        SimulatedChain.Fund(lenderAccount, "USDC", 500_000 * UsdcUnit);
        SimulatedChain.Fund(borrowerAccount, "WETH", 10 * WethUnit);
        var pool = fixture.Client.GetGrain<ICollateralPoolGrain>("USDC");
        var poolBefore = await pool.Summary();

        var deposit = await Settled(lenderVault, await lenderVault.Deposit(new VaultMovement("dep-1", "USDC", 500_000 * UsdcUnit)));
        var supply = await lenderVault.Supply(new VaultMovement("sup-1", "USDC", 400_000 * UsdcUnit));
        await Settled(borrowerVault, await borrowerVault.Deposit(new VaultMovement("dep-2", "WETH", 10 * WethUnit)));
        var draw = await borrowerVault.Draw(new VaultMovement("draw-1", "USDC", 5_000 * UsdcUnit));
        var again = await borrowerVault.Draw(new VaultMovement("draw-1", "USDC", 5_000 * UsdcUnit));
        var repay = await borrowerVault.Repay(new VaultMovement("repay-1", "USDC", 2_000 * UsdcUnit));

        Assert.Equal(OperationStatus.Completed, deposit.Status);
        Assert.Equal(OperationStatus.Completed, supply.Status);
        Assert.Equal(OperationStatus.Completed, draw.Status);
        Assert.Equal(draw, again);
        Assert.Equal(OperationStatus.Completed, repay.Status);
        Assert.Equal(100_000 * UsdcUnit, await Balance(lenderVault, "USDC"));
        Assert.Equal(3_000 * UsdcUnit, await Balance(borrowerVault, "USDC"));
        var health = await borrowerVault.Health();
        var debt = health.Debt.Single(d => d.Asset == "USDC").Amount;
        Assert.InRange(debt, 3_000 * UsdcUnit, (3_000 * UsdcUnit) + 1_000);

        // Conservation in USDC: what came in from the chain is in the pool or in the vaults, to the base unit.
        var poolAfter = await pool.Summary();
        var onChain = await SimulatedChain.GetVaultBalanceAsync("USDC", lender) + await SimulatedChain.GetVaultBalanceAsync("USDC", borrower);
        Assert.Equal(500_000 * UsdcUnit, onChain);
        Assert.Equal(onChain, poolAfter.FreeByChain[Chain] - poolBefore.FreeByChain.GetValueOrDefault(Chain) + await Balance(lenderVault, "USDC") + await Balance(borrowerVault, "USDC"));
        // The vault's debt is as of the pool's last answer; the pool has accrued a few seconds of interest since.
        Assert.InRange(poolAfter.CreditOutstanding - poolBefore.CreditOutstanding, debt, debt + 100);
    }

    [Fact]
    public async Task DrawAndSupply_TwoVaultsGiveTheSameOperationIds_EachMovesItsOwnAndLearnsNothingOfTheOther()
    {
        // Operation ids are each vault's own (its caller's idempotency keys): the pool answers them per vault.
        await Prices();
        var (_, lenderVault, lenderAccount) = await Member("lender", 0xA3);
        SimulatedChain.Fund(lenderAccount, "USDC", 100_000 * UsdcUnit);
        await Settled(lenderVault, await lenderVault.Deposit(new VaultMovement("same-dep", "USDC", 100_000 * UsdcUnit)));
        Assert.Equal(OperationStatus.Completed, (await lenderVault.Supply(new VaultMovement("same-sup", "USDC", 100_000 * UsdcUnit))).Status);
        var borrowers = new List<IVaultGrain>();
        for (var n = 0; n < 2; n++)
        {
            var (_, vault, account) = await Member("borrower", 0xC0 + n);
            SimulatedChain.Fund(account, "WETH", 10 * WethUnit);
            await Settled(vault, await vault.Deposit(new VaultMovement("same-dep", "WETH", 10 * WethUnit)));
            borrowers.Add(vault);
        }

        foreach (var vault in borrowers)
        {
            Assert.Equal(OperationStatus.Completed, (await vault.Draw(new VaultMovement("same-draw", "USDC", 1_000 * UsdcUnit))).Status);
            Assert.Equal(OperationStatus.Completed, (await vault.Supply(new VaultMovement("same-sup", "USDC", 400 * UsdcUnit))).Status);
        }

        // Each drew its 1,000 and lent 400 of it back; the pool counts both, and a retry of either is still its own.
        foreach (var vault in borrowers)
        {
            Assert.Equal(600 * UsdcUnit, await Balance(vault, "USDC"));
            var again = await vault.Draw(new VaultMovement("same-draw", "USDC", 1_000 * UsdcUnit));
            Assert.Equal(OperationStatus.Completed, again.Status);
            Assert.Equal(600 * UsdcUnit, await Balance(vault, "USDC"));
        }

        var audit = await fixture.Client.GetGrain<ICollateralPoolGrain>("USDC").Audit();
        Assert.True(audit.Balanced, $"the pool's identity: {audit}");
    }

    [Fact]
    public async Task Withdraw_OfDrawnCreditBeyondTheBand_IsRefusedAndMovesNothing()
    {
        // Credit drawn into a vault backs its own debt while it stays there; taking it out is what the band guards.
        await Prices();
        var lender = await Member("lender", 0xC2);
        SimulatedChain.Fund(lender.Account, "USDC", 10_000 * UsdcUnit);
        await Settled(lender.Vault, await lender.Vault.Deposit(new VaultMovement("dep", "USDC", 10_000 * UsdcUnit)));
        await lender.Vault.Supply(new VaultMovement("sup", "USDC", 10_000 * UsdcUnit));
        var (_, vault, account) = await Member("greedy", 0xC3);
        SimulatedChain.Fund(account, "WETH", 1 * WethUnit);
        await Settled(vault, await vault.Deposit(new VaultMovement("dep", "WETH", 1 * WethUnit)));
        var draw = await vault.Draw(new VaultMovement("draw", "USDC", 1_900 * UsdcUnit));

        var error = await Assert.ThrowsAsync<MeshException>(() => vault.Withdraw(new VaultMovement("out", "USDC", 1_900 * UsdcUnit)));

        Assert.Equal(OperationStatus.Completed, draw.Status);
        Assert.Equal("vault.health_below_band", error.Code);
        Assert.Equal("amount", error.Field);
        Assert.Null(await vault.Operation("out"));
        Assert.Equal(1_900 * UsdcUnit, await Balance(vault, "USDC"));
    }

    [Fact]
    public async Task Deposit_WithoutFunds_FailsOnChainAndCreditsNothing()
    {
        await Prices();
        var (_, vault, _) = await Member("broke", 0xD4);

        var receipt = await Settled(vault, await vault.Deposit(new VaultMovement("dep", "USDC", 10 * UsdcUnit)));

        Assert.Equal(OperationStatus.Failed, receipt.Status);
        Assert.Equal("chain.insufficient_balance", receipt.Reason);
        Assert.Equal(UInt128.Zero, await Balance(vault, "USDC"));
    }
}
