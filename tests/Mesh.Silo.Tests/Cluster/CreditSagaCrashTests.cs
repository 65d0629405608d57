using System.Diagnostics;
using System.Globalization;
using Mesh.Grains.Vaults;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Protocols;
using Mesh.Testing;
using Mesh.Vaults;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Cluster;

/// <summary>
/// The vault↔pool credit saga under a real crash: the silo hosting the vault kills itself (SIGKILL) between two of the
/// saga's writes; the vault comes back on a survivor, finishes the operation once, and USDC is conserved to the unit.
/// </summary>
/// <remarks>
/// Each silo process has its own in-memory simulated chains, so every account is funded on every live silo and the
/// deposits settle (on the vault's silo of the moment) before any crash. The crashed operations, draws and repayments,
/// touch no chain: they move value between the vault's and the pool's books in PostgreSQL only.
/// </remarks>
[Collection(ClusterCollection.Name)]
public sealed class CreditSagaCrashTests(ITestOutputHelper output)
{
    private const string Chain = "local-a";
    private static readonly UInt128 UsdcUnit = 1_000_000;
    private static readonly UInt128 WethUnit = 1_000_000_000_000_000_000UL;
    private static readonly UInt128 LenderDeposit = 1_000_000 * UsdcUnit;
    private static readonly UInt128 Drawn = 5_000 * UsdcUnit;
    private static readonly UInt128 Repaid = 2_000 * UsdcUnit;

    [Fact]
    public async Task DrawAndRepay_SiloKilledAtEachSagaStep_CompleteOnceAndConserveUsdc()
    {
        var clock = Stopwatch.StartNew();
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("saga");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: 3 silos up");
        await Prices(cluster);
        var lender = await Member(cluster, "lender", 0xA1, "USDC", LenderDeposit);
        Assert.Equal(OperationStatus.Completed, (await lender.Supply(new VaultMovement("sup-1", "USDC", 900_000 * UsdcUnit))).Status);
        List<IVaultGrain> vaults = [lender];

        var n = 0;
        foreach (var (kind, step) in new[] { (OperationKind.Draw, SagaStep.Recorded), (OperationKind.Draw, SagaStep.PoolApplied), (OperationKind.Repay, SagaStep.Recorded), (OperationKind.Repay, SagaStep.PoolApplied) })
        {
            await Prices(cluster);
            var sut = await Member(cluster, $"borrower{++n}", 0xB0 + n, "WETH", 10 * WethUnit);
            vaults.Add(sut);
            if (kind == OperationKind.Repay)
            {
                Assert.Equal(OperationStatus.Completed, (await sut.Draw(new VaultMovement($"draw-{n}", "USDC", Drawn))).Status);
            }

            var movement = new VaultMovement($"{kind}-{step}".ToLowerInvariant(), "USDC", kind == OperationKind.Draw ? Drawn : Repaid);
            Func<Task<OperationReceipt>> start = () => kind == OperationKind.Draw ? sut.Draw(movement) : sut.Repay(movement);
            var host = await HostOf(cluster, sut);
            (await cluster.Http.PostAsync(new Uri(host.BaseAddress, $"test/saga/crash?step={step}&op={movement.OperationId}"), null)).EnsureSuccessStatusCode();

            var killedAt = clock.Elapsed;
            var crashed = start();
            _ = crashed.ContinueWith(t => t.Exception, TaskScheduler.Default);
            await Eventually.TrueAsync(() => host.HasExited, $"silo :{host.SiloPort} kills itself at {step} of {movement.OperationId}", TimeSpan.FromSeconds(30));
            var replacement = cluster.AddSiloAsync();
            var resumed = await Retry(start, $"a retry of {movement.OperationId} is answered by a survivor");
            var recoveredAt = clock.Elapsed;
            var done = await Settled(sut, movement.OperationId);
            var again = await start();
            var newHost = await HostOf(cluster, sut);
            output.WriteLine($"{killedAt.TotalSeconds:F1}s: {kind} killed :{host.SiloPort} at {step}; the retry answered ({resumed.Status}) after {(recoveredAt - killedAt).TotalSeconds:F1}s on :{newHost.SiloPort}; {done.Status} after {(clock.Elapsed - killedAt).TotalSeconds:F1}s");

            Assert.Contains($"saga-crash: {new VaultKey($"borrower{n}", Chain)} {movement.OperationId} reached {step}; killing process {host.Pid}", host.Output, StringComparison.Ordinal);
            Assert.False(crashed.IsCompletedSuccessfully, "the call in flight at the crash got no answer");
            Assert.NotEqual(host, newHost);
            Assert.Equal(OperationStatus.Completed, done.Status);
            Assert.Equal(done, again);
            var (balance, debt) = kind == OperationKind.Draw ? (Drawn, Drawn) : (Drawn - Repaid, Drawn - Repaid);
            Assert.Equal(balance, await Balance(sut, "USDC"));
            Assert.InRange(await Debt(sut, "USDC"), debt, debt + (debt / 10_000));
            await AssertConserved(cluster, vaults);
            await replacement;
        }

        output.WriteLine($"{clock.Elapsed.TotalSeconds:F1}s: done");
    }

    [Fact]
    public async Task GiveTopUp_GiversSiloKilledOnceTheGiftIsRecorded_TheGiftCompletesOnceAndWethIsConserved()
    {
        var database = await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("topup");
        await using var cluster = await SiloCluster.StartAsync(database, 3, output);
        await Prices(cluster);
        // Two account books of one protocol, 10 WETH each, taking part in top-ups.
        var protocol = "books";
        var giver = await Member(cluster, protocol, 0xC1, "WETH", 20 * WethUnit, book: "giver", deposited: 10 * WethUnit);
        var taker = cluster.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Chain, "taker").ToString());
        Assert.Equal(OperationStatus.Completed, (await Settled(taker, (await taker.Deposit(new VaultMovement("dep", "WETH", 10 * WethUnit))).OperationId)).Status);
        foreach (var book in new[] { giver, taker })
        {
            await book.ConfigureRebalancing(new RebalanceSettings(AutoSell: false, TopUps: true));
        }

        var order = new Mesh.Rebalancing.TopUpOrder(Mesh.Rebalancing.TopUpOperations.Id(taker.GetPrimaryKeyString(), 0, 0), giver.GetPrimaryKeyString(), taker.GetPrimaryKeyString(), "WETH", 3 * WethUnit);
        var host = await HostOf(cluster, giver);
        (await cluster.Http.PostAsync(new Uri(host.BaseAddress, $"test/saga/crash?step={SagaStep.Recorded}&op={Uri.EscapeDataString(order.OperationId)}"), null)).EnsureSuccessStatusCode();

        var crashed = giver.GiveTopUp(order);
        _ = crashed.ContinueWith(t => t.Exception, TaskScheduler.Default);
        await Eventually.TrueAsync(() => host.HasExited, $"silo :{host.SiloPort} kills itself once the gift is recorded", TimeSpan.FromSeconds(30));
        var replacement = cluster.AddSiloAsync();
        // The order again (as the desk's would be): the giver, on a survivor, drives the gift it recorded to the end.
        await Retry(() => giver.GiveTopUp(order), "a retry of the gift is answered by a survivor");
        var done = await Settled(giver, order.OperationId);

        Assert.Contains($"saga-crash: {giver.GetPrimaryKeyString()} {order.OperationId} reached {SagaStep.Recorded}; killing process {host.Pid}", host.Output, StringComparison.Ordinal);
        Assert.False(crashed.IsCompletedSuccessfully, "the call in flight at the crash got no answer");
        Assert.Equal((OperationKind.TopUpOut, OperationStatus.Completed, 3 * WethUnit), (done.Kind, done.Status, done.Amount));
        Assert.Equal(done, await giver.GiveTopUp(order));
        var received = await taker.Operation(order.OperationId);
        Assert.Equal((OperationKind.TopUpIn, OperationStatus.Completed, 3 * WethUnit), (received!.Kind, received.Status, received.Amount));
        Assert.Equal(7 * WethUnit, await Balance(giver, "WETH"));
        Assert.Equal(13 * WethUnit, await Balance(taker, "WETH"));
        await replacement;
    }

    /// <summary>USDC in = pool free + Σ vault balances, to the unit; the pool's credit = Σ vault debts, within interest.</summary>
    private async Task AssertConserved(SiloCluster cluster, List<IVaultGrain> vaults)
    {
        var pool = await cluster.Client.GetGrain<ICollateralPoolGrain>("USDC").Summary();
        var (balances, debts) = (UInt128.Zero, UInt128.Zero);
        foreach (var vault in vaults)
        {
            balances += await Balance(vault, "USDC");
            debts += await Debt(vault, "USDC");
        }

        output.WriteLine($"  pool free {pool.FreeLiquidity} + vault balances {balances} = {pool.FreeLiquidity + balances}; credit {pool.CreditOutstanding} vs vault debts {debts}");
        Assert.Equal(LenderDeposit, pool.FreeLiquidity + balances);
        var slack = (UInt128)vaults.Count;
        Assert.InRange(pool.CreditOutstanding + slack, debts, debts + (debts / 10_000) + slack);
    }

    /// <summary>A protocol that joined and was approved, <paramref name="funded"/> of the asset on every live silo's chain, and its vault (or its account book <paramref name="book"/>) with <paramref name="deposited"/> of it (all of it by default) settled.</summary>
    private static async Task<IVaultGrain> Member(SiloCluster cluster, string protocol, int n, string asset, UInt128 funded, string? book = null, UInt128? deposited = null)
    {
        var account = $"0x{n:x40}";
        var grain = cluster.Client.GetGrain<IProtocolGrain>(protocol);
        await grain.Join(new JoinRequest(protocol, [Chain], "ops@example.org", RiskTier.Conservative, account));
        await grain.Approve(null, "operator@example.org");
        foreach (var silo in cluster.Silos.Where(s => !s.HasExited))
        {
            var query = $"test/chain/fund?chain={Chain}&account={account}&token={asset}&amount={funded.ToString(CultureInfo.InvariantCulture)}";
            (await cluster.Http.PostAsync(new Uri(silo.BaseAddress, query), null)).EnsureSuccessStatusCode();
        }

        var vault = cluster.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Chain, book).ToString());
        var deposit = await Settled(vault, (await vault.Deposit(new VaultMovement($"dep-{protocol}", asset, deposited ?? funded))).OperationId);
        Assert.Equal(OperationStatus.Completed, deposit.Status);
        return vault;
    }

    private static async Task Prices(SiloCluster cluster)
    {
        foreach (var (asset, price) in new[] { ("WETH", 2_000m), ("USDC", 1m) })
        {
            for (var i = 1; i <= 3; i++)
            {
                await cluster.Client.GetGrain<IOracleGrain>(asset).Observe(new PriceObservation($"feed-{i}", price, TimeProvider.System.GetUtcNow()));
            }
        }
    }

    private static async Task<SiloProcess> HostOf(SiloCluster cluster, IVaultGrain vault)
    {
        SiloProcess? host = null;
        await Eventually.TrueAsync(
            async () =>
            {
                var address = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(vault);
                host = address is null ? null : cluster.ProcessOf(address.ToParsableString());
                return host is { HasExited: false };
            },
            "the vault's silo is known",
            TimeSpan.FromSeconds(10));
        return host!;
    }

    private static async Task<OperationReceipt> Retry(Func<Task<OperationReceipt>> call, string because)
    {
        OperationReceipt? receipt = null;
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    receipt = await call().WaitAsync(TimeSpan.FromSeconds(5));
                    return true;
                }
                catch (Exception e) when (e is TimeoutException or OperationCanceledException or OrleansException)
                {
                    return false;
                }
            },
            because,
            TimeSpan.FromSeconds(60));
        return receipt!;
    }

    private static async Task<OperationReceipt> Settled(IVaultGrain vault, string operationId)
    {
        OperationReceipt? receipt = null;
        await Eventually.TrueAsync(async () => (receipt = await vault.Operation(operationId))!.Status != OperationStatus.Pending, $"operation {operationId} settles", TimeSpan.FromSeconds(30));
        return receipt!;
    }

    private static async Task<UInt128> Balance(IVaultGrain vault, string asset) =>
        (await vault.Health()).Collateral.SingleOrDefault(c => c.Asset == asset)?.Amount ?? UInt128.Zero;

    private static async Task<UInt128> Debt(IVaultGrain vault, string asset) =>
        (await vault.Health()).Debt.SingleOrDefault(d => d.Asset == asset)?.Amount ?? UInt128.Zero;
}
