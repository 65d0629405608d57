using Mesh.Chains.Simulated;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Protocols;
using Mesh.Testing;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>Members, prices and settled operations for flow tests, on one fixture's silo and chain.</summary>
internal sealed class Members(ClusterFixture fixture)
{
    public const string Chain = "local-a";
    public static readonly UInt128 UsdcUnit = 1_000_000;
    public static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;

    public ISimulatedChain SimulatedChain =>
        fixture.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<ISimulatedChainProvider>().GetSimulated(Chain);

    public async Task<(string Protocol, IVaultGrain Vault, string Account)> JoinAsync(string prefix, int n)
    {
        var protocol = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var account = $"0x{n:x40}";
        await fixture.Client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest(prefix, [Chain], "ops@example.org", RiskTier.Conservative, account));
        return (protocol, fixture.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Chain).ToString()), account);
    }

    public async Task PricesAsync()
    {
        foreach (var (asset, price) in new[] { ("WETH", 2_000m), ("USDC", 1m) })
        {
            for (var i = 1; i <= 3; i++)
            {
                await fixture.Client.GetGrain<IOracleGrain>(asset).Observe(new PriceObservation($"feed-{i}", price, TimeProvider.System.GetUtcNow()));
            }
        }
    }

    /// <summary>A new WETH oracle round at the vault (what a revaluation partition delivers), at <paramref name="price"/>: the live snapshot, <paramref name="round"/> rounds on.</summary>
    public async Task TickAsync(IVaultGrain vault, decimal price, long round)
    {
        var live = await fixture.Client.GetGrain<IOracleGrain>("WETH").Snapshot();
        await vault.OnPrice(live with { Round = live.Round + round, Price = price });
    }

    public static async Task<OperationReceipt> SettledAsync(IVaultGrain vault, OperationReceipt started)
    {
        var receipt = started;
        await Eventually.TrueAsync(async () => (receipt = (await vault.Operation(started.OperationId))!).Status != OperationStatus.Pending, $"operation {started.OperationId} settles", TimeSpan.FromSeconds(30));
        return receipt;
    }

    public async Task<IVaultGrain> DepositedAsync(string prefix, int n, string asset, UInt128 amount)
    {
        var (_, vault, account) = await JoinAsync(prefix, n);
        SimulatedChain.Fund(account, asset, amount);
        var receipt = await SettledAsync(vault, await vault.Deposit(new VaultMovement("dep", asset, amount)));
        Assert.Equal(OperationStatus.Completed, receipt.Status);
        return vault;
    }

    /// <summary>The USDC pool at <paramref name="limits"/>, a lender's 100,000 USDC in it, and a borrower (a WETH book) that drew <paramref name="drawn"/> USDC.</summary>
    public async Task<(string Protocol, IVaultGrain Vault)> BorrowerAsync(int n, UInt128 drawn, Mesh.Pools.PoolLimits limits)
    {
        await PricesAsync();
        await fixture.Client.GetGrain<Mesh.Pools.ICollateralPoolGrain>("USDC").SetLimits(limits, "test");
        var lender = await DepositedAsync($"lend{n}", 0x100 + n, "USDC", 100_000 * UsdcUnit);
        await lender.Supply(new VaultMovement("sup", "USDC", 100_000 * UsdcUnit));
        var (protocol, vault, account) = await JoinAsync($"borrow{n}", 0x200 + n);
        SimulatedChain.Fund(account, "WETH", 100 * WethUnit);
        await SettledAsync(vault, await vault.Deposit(new VaultMovement("dep", "WETH", 100 * WethUnit)));
        await vault.ReportExposures([new Exposure("p1", ExposureKind.Perp, "WETH", 1m, PositionSide.Long, EntryPrice: 2_000m)]);
        Assert.Equal(OperationStatus.Completed, (await vault.Draw(new VaultMovement("draw", "USDC", drawn))).Status);
        return (protocol, vault);
    }

    /// <summary>
    /// A borrower (<see cref="BorrowerAsync"/>, open pool limits) that drew 50,000 USDC and put it to work (lent back to
    /// the pool, whose shares are not collateral), so that its 100 WETH are left against the debt, rebalancing on
    /// <paramref name="settings"/>.
    /// </summary>
    public async Task<IVaultGrain> SellerAsync(int n, RebalanceSettings settings)
    {
        var (_, vault) = await BorrowerAsync(n, 50_000 * UsdcUnit, Pools.PoolLimitsTests.Open);
        Assert.Equal(OperationStatus.Completed, (await vault.Supply(new VaultMovement("use", "USDC", 50_000 * UsdcUnit))).Status);
        await vault.ConfigureRebalancing(settings);
        return vault;
    }
}
