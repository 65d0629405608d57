using System.Diagnostics;
using Mesh.Audit;
using Mesh.Chains.Clients;
using Mesh.Testing;
using Mesh.Transfers;
using Mesh.Vaults;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Mesh.Silo.Tests.Evm.Transfers;

/// <summary>
/// Cross-chain transfers on three real Hardhat chains through a real EVM-mode silo: many at once with exact
/// conservation, a destination that halts mid-transfer, a failing RPC endpoint, and a silo SIGKILLed mid-saga.
/// Every balance is read from the chains themselves and compared with what the transfer grains report.
/// </summary>
[Collection(EvmCollection.Name)]
public sealed class EvmTransferTests(EvmTransferCluster cluster, ITestOutputHelper output) : IClassFixture<EvmTransferCluster>
{
    private static readonly TimeSpan EndTimeout = TimeSpan.FromSeconds(90);
    private static readonly string[] Chains = [.. EvmTransferCluster.ChainNames];
    private static readonly UInt128 Usdc = EvmTransferCluster.Usdc;

    [Fact]
    public async Task Execute_100ConcurrentTransfersAcrossThreeChains_SettleWithEveryBalanceExactToTheBaseUnit()
    {
        var clock = Stopwatch.StartNew();
        var before = await cluster.BalancesAsync();
        var routes = Chains.SelectMany(from => Chains.Where(to => to != from).Select(to => (from, to))).ToArray();

        // Both assets on all six routes, with amounts that use every base unit (fees round up).
        var requests = Enumerable.Range(0, 100)
            .Select(i => (
                Key: $"router-load:{Guid.NewGuid():N}",
                routes[i % routes.Length].from,
                routes[i % routes.Length].to,
                Asset: i % 2 == 0 ? EvmTransferCluster.Asset : EvmTransferCluster.Weth,
                Amount: i % 2 == 0 ? (10 * Usdc) + ((UInt128)i * 1_234_567) : (EvmTransferCluster.Ether / 2) + ((UInt128)i * 123_456_789_012_345)))
            .ToArray();

        var started = await Task.WhenAll(requests.Select(r => cluster.ExecuteAsync(r.Key, r.from, r.to, r.Amount, r.Asset)));
        var ended = await EvmTransferCluster.EndedAsync([.. started.Select(s => s.Grain)], EndTimeout);
        output.WriteLine($"setup {cluster.SetupTime.TotalSeconds:F1}s; 100 transfers ended in {clock.Elapsed.TotalSeconds:F1}s");

        Assert.All(ended, s => Assert.True(s.Phase == TransferPhase.Settled, $"{s.RequestId}: {s.Phase} {s.Reason} {s.ReasonDetail}"));
        for (var i = 0; i < ended.Length; i++)
        {
            var quote = started[i].Quote;
            Assert.Equal((requests[i].Amount, quote.Delivered, UInt128.Zero, quote.Fee), (ended[i].Locked, ended[i].Released, ended[i].Refunded, ended[i].FeeRetained));
        }

        await AssertConservedAsync(before, ended);
        await AssertOnceEachAsync(ended, refunds: false);
    }

    [Fact]
    public async Task Execute_DestinationHaltsWhileTheLockBecomesFinal_CompensatesWithARefundOnTheSourceAndNoRelease()
    {
        var before = await cluster.BalancesAsync();
        var amount = 500 * Usdc;

        // The source mines the lock (a block per transaction) but adds no block on top, so the lock stays short of final.
        await cluster.OnChain.MiningAsync("local-a", interval: false);
        TransferStatus ended;
        ITransferGrain sut;
        try
        {
            (sut, _) = await cluster.ExecuteAsync($"router-halt:{Guid.NewGuid():N}", "local-a", "local-c", amount);
            await cluster.OnChain.MiningAsync("local-c", interval: false, automine: false);
            await Eventually.TrueAsync(async () => (await sut.Status()).Phase == TransferPhase.Compensating, "the transfer sees local-c halted", TimeSpan.FromSeconds(30));
            await cluster.OnChain.MiningAsync("local-a", interval: true);
            ended = (await EvmTransferCluster.EndedAsync([sut], EndTimeout))[0];
        }
        finally
        {
            await cluster.OnChain.MiningAsync("local-a", interval: true);
            await cluster.OnChain.MiningAsync("local-c", interval: true);
        }

        Assert.Equal(TransferPhase.Compensated, ended.Phase);
        Assert.Equal("destination.halted", ended.Reason);
        Assert.Equal((amount, UInt128.Zero, amount, UInt128.Zero), (ended.Locked, ended.Released, ended.Refunded, ended.FeeRetained));
        Assert.Null(ended.ReleaseTransaction);
        await AssertConservedAsync(before, [ended]);
        await AssertOnceEachAsync([ended], refunds: true);
        var after = await cluster.BalancesAsync();
        Assert.Equal(before.Vault[(EvmTransferCluster.Asset, "local-a")], after.Vault[(EvmTransferCluster.Asset, "local-a")]);
        Assert.Equal(before.Escrow[(EvmTransferCluster.Asset, "local-a")], after.Escrow[(EvmTransferCluster.Asset, "local-a")]);
    }

    [Fact]
    public async Task Execute_FirstRpcEndpointOfAChainFailing_OpensItsCircuitSettlesThroughTheFallbackAndSendsNothingTwice()
    {
        var before = await cluster.BalancesAsync();
        var sentBefore = await cluster.OnChain.TransactionCountAsync("local-b", cluster.Signer);
        var failedBefore = cluster.Proxy.FailedRequests;
        var opened = $"Chain local-b: the circuit of RPC endpoint http://127.0.0.1:{cluster.Proxy.Url.Port} opened";
        var openedBefore = Occurrences(cluster.Silo.Output, opened);
        cluster.Proxy.Failing = true;
        TransferStatus[] first;
        TransferStatus[] second;
        long failedWhileOpen;
        try
        {
            first = await TransfersThroughLocalBAsync(10);

            // The breaker opens on the share of failures among the calls of its sampling window: the successes of an
            // earlier test's transfers can hold it shut until they leave the window (the chain's polling goes on failing).
            await Eventually.TrueAsync(() => Occurrences(cluster.Silo.Output, opened) > openedBefore, "the silo logs the circuit's opening", EvmTransferCluster.CircuitSamplingDuration * 3);

            // The calls in flight when the circuit opened have been answered once the proxy has none left.
            await Eventually.TrueAsync(() => cluster.Proxy.InFlightRequests == 0, "the proxy answers what it was sent", TimeSpan.FromSeconds(30));
            failedWhileOpen = cluster.Proxy.FailedRequests;

            // The circuit stays open for its break duration (a minute): a second batch goes to the fallback only.
            second = await TransfersThroughLocalBAsync(4);
        }
        finally
        {
            cluster.Proxy.Failing = false;
        }

        Assert.All(first.Concat(second), s => Assert.True(s.Phase == TransferPhase.Settled, $"{s.RequestId}: {s.Phase} {s.Reason} {s.ReasonDetail}"));
        Assert.Equal(openedBefore + 1, Occurrences(cluster.Silo.Output, opened));

        // The circuit opened only after the breaker's minimum throughput (three calls) had failed (how many more depends
        // on the window's earlier successes), and once open it kept every later call off the endpoint: the second batch
        // sent the proxy nothing.
        Assert.True(failedWhileOpen - failedBefore >= 3, $"{failedWhileOpen - failedBefore} calls failed on the proxy before the circuit opened");
        Assert.Equal(failedWhileOpen, cluster.Proxy.FailedRequests);

        // local-b saw seven releases (from local-a) and seven locks (to local-c): fourteen transactions, none twice.
        Assert.Equal(14UL, await cluster.OnChain.TransactionCountAsync("local-b", cluster.Signer) - sentBefore);
        TransferStatus[] ended = [.. first, .. second];
        await AssertConservedAsync(before, ended);
        await AssertOnceEachAsync(ended, refunds: false);
    }

    private static int Occurrences(string text, string value)
    {
        var (count, at) = (0, text.IndexOf(value, StringComparison.Ordinal));
        while (at >= 0)
        {
            (count, at) = (count + 1, text.IndexOf(value, at + value.Length, StringComparison.Ordinal));
        }

        return count;
    }

    /// <summary>Half the transfers from local-a to local-b (a release there), half from local-b to local-c (a lock).</summary>
    private async Task<TransferStatus[]> TransfersThroughLocalBAsync(int count)
    {
        var started = await Task.WhenAll(Enumerable.Range(0, count).Select(i => cluster.ExecuteAsync(
            $"router-rpc:{Guid.NewGuid():N}", i % 2 == 0 ? "local-a" : "local-b", i % 2 == 0 ? "local-b" : "local-c", (25 * Usdc) + (UInt128)i)));
        return await EvmTransferCluster.EndedAsync([.. started.Select(s => s.Grain)], EndTimeout);
    }

    [Fact]
    public async Task Execute_SiloSigkilledWhileTheReleaseAwaitsFinality_CompletesExactlyOnceOnTheSurvivor()
    {
        var before = await cluster.BalancesAsync();
        var amount = 750 * Usdc;
        ITransferGrain sut;
        TransferQuote quote;
        TransferStatus? ended = null;
        var clock = Stopwatch.StartNew();
        var killedAt = TimeSpan.Zero;
        var sentBefore = await cluster.OnChain.TransactionCountAsync("local-b", cluster.Signer);

        // Each chain mines a transaction at once but adds no block on top while its timed blocks are off: first the
        // lock waits for finality on local-c while a second silo starts, then, once local-b stops too, the release
        // waits on local-b for the kill of the silo running the saga (the only one when it was executed).
        await cluster.OnChain.MiningAsync("local-c", interval: false);
        try
        {
            (sut, quote) = await cluster.ExecuteAsync($"router-kill:{Guid.NewGuid():N}", "local-c", "local-b", amount);
            await cluster.FailOverAsync(async () =>
            {
                Assert.Equal(TransferPhase.Locking, (await sut.Status()).Phase);
                await cluster.OnChain.MiningAsync("local-b", interval: false);
                await cluster.OnChain.MiningAsync("local-c", interval: true);
                await Eventually.TrueAsync(async () => (await sut.Status()).ReleaseTransaction is not null, "the release is sent", TimeSpan.FromSeconds(30));
                killedAt = clock.Elapsed;
            });
        }
        finally
        {
            await cluster.OnChain.MiningAsync("local-c", interval: true);
            await cluster.OnChain.MiningAsync("local-b", interval: true);
        }

        // The router keeps asking; calls fail until the client has left the dead gateway and the survivor took the grain over.
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    return (ended = await sut.Status()).IsTerminal;
                }
                catch (Exception e) when (e is OrleansException or TimeoutException)
                {
                    return false;
                }
            },
            "the transfer ends on the survivor",
            EndTimeout);
        output.WriteLine($"killed at {killedAt.TotalSeconds:F1}s, the transfer ended at {clock.Elapsed.TotalSeconds:F1}s");

        Assert.Equal(TransferPhase.Settled, ended!.Phase);
        Assert.Equal((amount, quote.Delivered, UInt128.Zero, quote.Fee), (ended.Locked, ended.Released, ended.Refunded, ended.FeeRetained));
        Assert.Contains(ended.Steps, s => s.Phase == TransferPhase.Releasing);
        Assert.Equal(1UL, await cluster.OnChain.TransactionCountAsync("local-b", cluster.Signer) - sentBefore);
        await AssertConservedAsync(before, [ended]);
        await AssertOnceEachAsync([ended], refunds: false);
    }

    /// <summary>
    /// For each asset, every chain's vault and escrow moved by exactly what the ended transfers report (locks out of the source's vault
    /// into its escrow, releases out of the destination's escrow into its vault, refunds back), and the asset's total
    /// over all the contracts did not change.
    /// </summary>
    private async Task AssertConservedAsync(ChainBalances before, IReadOnlyList<TransferStatus> ended)
    {
        var after = await cluster.BalancesAsync();
        foreach (var asset in EvmTransferCluster.Assets)
        {
            foreach (var chain in Chains)
            {
                var of = ended.Where(s => s.Quote.Request.Asset == asset).ToList();
                var locked = Sum(of.Where(s => s.Quote.Request.From == chain), s => s.Locked);
                var refunded = Sum(of.Where(s => s.Quote.Request.From == chain), s => s.Refunded);
                var released = Sum(of.Where(s => s.Quote.Request.To == chain), s => s.Released);
                Assert.Equal(before.Vault[(asset, chain)] + released + refunded - locked, after.Vault[(asset, chain)]);
                Assert.Equal(before.Escrow[(asset, chain)] + locked - released - refunded, after.Escrow[(asset, chain)]);
            }

            Assert.Equal(before.Total(asset), after.Total(asset));
        }

        // The grains agree with the chains: the protocol's books on every chain hold what its vault contract holds (it
        // is the only depositor), and the conservation audit balances every asset on every chain.
        foreach (var asset in EvmTransferCluster.Assets)
        {
            foreach (var chain in Chains)
            {
                var books = await cluster.Client.GetGrain<IVaultGrain>(new VaultKey(EvmTransferCluster.Protocol, chain).ToString()).Books();
                Assert.Equal(after.Vault[(asset, chain)], books.Balances.GetValueOrDefault(asset));
            }
        }

        var audit = await cluster.Client.GetGrain<IConservationAuditGrain>(0).Run();
        Assert.True(audit.Balanced, string.Join("; ", audit.Assets.SelectMany(a => a.Chains.Where(c => !c.Balanced).Select(c => $"{a.Asset} on {c.Chain}: {c.Difference}"))));
    }

    /// <summary>One lock event on the source per transfer, and one release (or one refund, never both) for its operation ids.</summary>
    private async Task AssertOnceEachAsync(IReadOnlyList<TransferStatus> ended, bool refunds)
    {
        var movements = new Dictionary<string, IReadOnlyDictionary<OperationId, int>>();
        foreach (var chain in Chains)
        {
            movements[chain] = await cluster.OnChain.MovementCountsAsync(chain);
        }

        foreach (var s in ended)
        {
            int Count(string chain, string step) => movements[chain].GetValueOrDefault(OperationId.FromName($"transfer/{s.RequestId}/{step}"));
            Assert.Equal(1, Count(s.Quote.Request.From, "lock"));
            Assert.Equal(refunds ? 0 : 1, Count(s.Quote.Request.To, "release"));
            Assert.Equal(refunds ? 1 : 0, Count(s.Quote.Request.From, "refund"));
        }
    }

    private static UInt128 Sum(IEnumerable<TransferStatus> statuses, Func<TransferStatus, UInt128> amount) =>
        statuses.Aggregate(UInt128.Zero, (total, s) => total + amount(s));
}
