using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Mesh.Errors;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Oracles;
using Mesh.Protocols;
using Mesh.Testing;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using OperationStatus = Mesh.Vaults.OperationStatus;

namespace Mesh.Grains.Tests.Chains;

/// <summary>The chain grain in a real silo, against the simulated chain on the system clock (1 s blocks, 2 confirmations).</summary>
public sealed class ChainGrainTests(DomainFixture fixture, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<DomainFixture>
{
    private const string Chain = "local-a";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ISimulatedChain SimulatedChain =>
        fixture.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<ISimulatedChainProvider>().GetSimulated(Chain);

    private IChainGrain Sut => fixture.Client.GetGrain<IChainGrain>(Chain);

    private static async Task<ChainStatus> Until(Func<Task<ChainStatus>> read, Func<ChainStatus, bool> condition, string because)
    {
        ChainStatus? seen = null;
        await Eventually.TrueAsync(async () => condition(seen = await read()), because, Patience);
        return seen!;
    }

    [Fact]
    public async Task Status_ChainProducesBlocks_HeadAdvancesWithFinalityAndConfiguration()
    {
        var first = await Sut.Status();

        var later = await Until(() => Sut.Status(), s => s.Head!.Number >= first.Head!.Number + 2, "the head advances two blocks");

        Assert.Equal(31337UL, later.ChainId);
        Assert.Equal(2, later.Confirmations);
        Assert.Equal(TimeSpan.FromSeconds(1), later.BlockTime);
        Assert.Equal(1, later.RpcEndpointCount);
        Assert.Equal(["http://127.0.0.1:8545"], later.RpcEndpoints);
        Assert.InRange(later.FinalizedNumber!.Value, later.Head!.Number - 3, later.Head.Number - 2);
        Assert.Matches("^0x[0-9a-f]{64}$", later.Head.Hash);
        Assert.Equal(ChainHealth.Healthy, later.Health);
        Assert.True(later.RpcSuccesses > 0);
    }

    [Fact]
    public async Task Status_ChainHalts_HaltedWithinTheBoundAndHealthyAfterResume()
    {
        var chain = SimulatedChain;
        await Sut.Status();
        chain.HaltBlocks();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var halted = await Until(() => Sut.Status(), s => s.Health == ChainHealth.Halted, "the chain is classified halted");
            output.WriteLine($"halted after {clock.Elapsed.TotalSeconds:0.00} s, head age {halted.HeadAge?.TotalSeconds:0.00} s");
            var refreshed = await Sut.Refresh();

            // Five block times without a new head, plus at most a poll and a block of delay (and scheduling slack).
            Assert.InRange(halted.HeadAge!.Value, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10));

            Assert.Equal(halted.Head, refreshed.Head);
            Assert.Equal(refreshed.Head!.Number - 2, refreshed.FinalizedNumber);
            Assert.True(refreshed.HeadAge >= TimeSpan.FromSeconds(5), $"head age {refreshed.HeadAge}");
            Assert.Contains("No new block", refreshed.HealthReason, StringComparison.Ordinal);
        }
        finally
        {
            chain.ResumeBlocks();
        }

        var resumed = await Until(() => Sut.Status(), s => s.Health == ChainHealth.Healthy, "the chain is healthy again");
        Assert.True(resumed.HeadAge < TimeSpan.FromSeconds(3), $"head age {resumed.HeadAge}");
    }

    [Fact]
    public async Task Status_InjectedRpcFailures_DegradedWithTheCodeAndCountsThenRecovers()
    {
        var before = await Sut.Refresh();
        SimulatedChain.FailNextCalls(2, ChainErrorKind.Unavailable);

        var degraded = await Until(() => Sut.Refresh(), s => s.RpcFailures >= before.RpcFailures + 2, "two polls fail");
        var recovered = await Until(() => Sut.Status(), s => s.Health == ChainHealth.Healthy, "the chain recovers");

        Assert.Equal(ChainHealth.Degraded, degraded.Health);
        Assert.Equal(ChainErrorCodes.Unavailable, degraded.LastErrorCode);
        Assert.NotNull(degraded.LastErrorAt);
        Assert.Equal(before.RpcFailures + 2, recovered.RpcFailures);
        Assert.Equal(ChainErrorCodes.Unavailable, recovered.LastErrorCode);
        Assert.True(recovered.RpcSuccesses > degraded.RpcSuccesses);
    }

    [Fact]
    public async Task Inventory_AfterDepositsThroughVaults_GrowsByTheirSumPerAsset()
    {
        var usdc = (UInt128)1_000_000;
        var weth = (UInt128)1_000_000_000_000_000_000UL;
        await Prices();
        var before = Amounts(await Sut.Inventory());
        var (first, firstAccount) = await Member("inv-a", 0xE1);
        var (second, secondAccount) = await Member("inv-b", 0xE2);
        SimulatedChain.Fund(firstAccount, "USDC", 700 * usdc);
        SimulatedChain.Fund(firstAccount, "WETH", 2 * weth);
        SimulatedChain.Fund(secondAccount, "USDC", 300 * usdc);

        await Completed(first, await first.Deposit(new VaultMovement("dep-usdc", "USDC", 700 * usdc)));
        await Completed(first, await first.Deposit(new VaultMovement("dep-weth", "WETH", 2 * weth)));
        await Completed(second, await second.Deposit(new VaultMovement("dep-usdc", "USDC", 300 * usdc)));
        var after = Amounts(await Sut.Inventory());
        var polled = await Until(() => Sut.Status(), s => s.Inventory is { } i && Amounts(i)["USDC"] == after["USDC"] && Amounts(i)["WETH"] == after["WETH"], "the polled inventory catches up");

        Assert.Equal(1_000 * usdc, after["USDC"] - before["USDC"]);
        Assert.Equal(2 * weth, after["WETH"] - before["WETH"]);
        Assert.Equal("0x000000000000000000000000000000000000a001", polled.Inventory!.VaultContract);
        Assert.Equal(await SimulatedChain.GetBalanceAsync("USDC", polled.Inventory.VaultContract), after["USDC"]);
    }

    [Fact]
    public async Task Reconcile_AfterADepositThroughAVault_IndexedFinalAndReconciledThenATransferStraightToTheVaultDiffers()
    {
        var usdc = (UInt128)1_000_000;
        using var spans = new SpanCollector("Mesh.Grains");
        var counted = new System.Collections.Concurrent.ConcurrentDictionary<string, long>();
        using var meter = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == "Mesh.Grains" && instrument.Name == "mesh.chain.index.events")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meter.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            var outcome = "";
            var chain = "";
            foreach (var tag in tags)
            {
                (outcome, chain) = tag.Key switch
                {
                    "mesh.chain.index.outcome" => ((string)tag.Value!, chain),
                    "mesh.chain.name" => (outcome, (string)tag.Value!),
                    _ => (outcome, chain),
                };
            }

            counted.AddOrUpdate($"{chain}/{outcome}", value, (_, sum) => sum + value);
        });
        meter.Start();
        await Prices();
        var (vault, account) = await Member("idx", 0xE3);
        var protocol = VaultKey.Parse(vault.GetPrimaryKeyString()).ProtocolId;
        SimulatedChain.Fund(account, "USDC", 40 * usdc);
        await Completed(vault, await vault.Deposit(new VaultMovement("dep-idx", "USDC", 40 * usdc)));

        IndexedInventory? index = null;
        await Eventually.TrueAsync(
            async () => (index = await Sut.IndexedInventory()).Lines.Any(l => l.ProtocolId == protocol && l.Final == 40 * usdc),
            "the index applies the deposit as final",
            Patience);
        var reconciled = await Sut.Reconcile();
        SimulatedChain.Fund(SimulatedChain.Definition.Contracts.Vault, "USDC", 5);
        var differs = await Sut.Reconcile();

        Assert.Equal((UInt128.Zero, UInt128.Zero), index!.Lines.Where(l => l.ProtocolId == protocol).Select(l => (l.TentativeIn, l.TentativeOut)).Single());
        Assert.True(index.IndexedTo >= index.FinalizedTo + 2, $"indexed to {index.IndexedTo}, final to {index.FinalizedTo}");
        Assert.Null(index.LastErrorCode);
        Assert.Equal(ReconciliationStatus.Reconciled, reconciled.Status);
        Assert.Equal(40 * usdc, reconciled.Protocols.Single(l => l.ProtocolId == protocol).OnChain);
        Assert.Equal(ReconciliationStatus.Differs, differs.Status);
        Assert.Equal("5", differs.Tokens.Single(t => t.Asset == "USDC").Difference);
        Assert.Equal(ReconciliationStatus.Reconciled, differs.Tokens.Single(t => t.Asset == "WETH").Status);
        Assert.All(differs.Protocols, l => Assert.Equal(ReconciliationStatus.Reconciled, l.Status));
        Assert.True(counted.GetValueOrDefault($"{Chain}/final") >= 1, string.Join(", ", counted));
        Assert.Contains(spans.Spans, s => s.OperationName == "chain index" && (string?)s.GetTagItem("mesh.chain.name") == Chain);
    }

    [Fact]
    public async Task IndexedInventory_AfterTheGrainIsDeactivated_ResumesFromItsStoredIndexWithoutCountingTwice()
    {
        var usdc = (UInt128)1_000_000;
        await Prices();
        var (vault, account) = await Member("idx-r", 0xE4);
        var protocol = VaultKey.Parse(vault.GetPrimaryKeyString()).ProtocolId;
        SimulatedChain.Fund(account, "USDC", 25 * usdc);
        await Completed(vault, await vault.Deposit(new VaultMovement("dep-idx-r", "USDC", 25 * usdc)));
        await Eventually.TrueAsync(async () => (await Sut.IndexedInventory()).Lines.Any(l => l.ProtocolId == protocol && l.Final == 25 * usdc), "the index applies the deposit as final", Patience);
        var reorgs = (await Sut.IndexedInventory()).Reorgs;
        SimulatedChain.HaltBlocks();
        try
        {
            // The index reads the head, then the head is replaced: a reorganisation of a block the index has read.
            await Sut.Refresh();
            SimulatedChain.Reorg(1);
        }
        finally
        {
            SimulatedChain.ResumeBlocks();
        }

        // A shallow reorganisation: only a restored index remembers having handled it (a fresh one would count none).
        await Eventually.TrueAsync(async () => (await Sut.IndexedInventory()).Reorgs > reorgs, "the index handles the reorganisation", Patience);
        var before = await Sut.IndexedInventory();
        var activated = (await Sut.Status()).HealthSince;

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        var reactivated = (await Sut.Status()).HealthSince;
        var after = await Sut.IndexedInventory();

        Assert.True(reactivated > activated, $"activated {activated:O}, after collection {reactivated:O}");
        Assert.True(after.IndexedTo >= before.IndexedTo, $"indexed to {after.IndexedTo}, before {before.IndexedTo}");
        Assert.True(after.AppliedEvents >= before.AppliedEvents);
        Assert.Equal(before.Reorgs, after.Reorgs);
        Assert.Equal(25 * usdc, after.Lines.Single(l => l.ProtocolId == protocol).Final);
        Assert.Equal(ReconciliationStatus.Reconciled, (await Sut.Reconcile()).Protocols.Single(l => l.ProtocolId == protocol).Status);
    }

    [Fact]
    public async Task Status_UnknownChain_IsRefusedAsNotFound()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => fixture.Client.GetGrain<IChainGrain>("no-such-chain").Status());

        Assert.Equal(MeshErrorKind.NotFound, error.Kind);
        Assert.Equal("chain.unknown", error.Code);
    }

    private static Dictionary<string, UInt128> Amounts(ChainInventory inventory) => inventory.Lines.ToDictionary(l => l.Asset, l => l.Amount);

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

    private async Task<(IVaultGrain Vault, string Account)> Member(string prefix, int n)
    {
        var protocol = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var account = $"0x{n:x40}";
        await fixture.Client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest(prefix, [Chain], "ops@example.org", RiskTier.Conservative, account));
        return (fixture.Client.GetGrain<IVaultGrain>(new VaultKey(protocol, Chain).ToString()), account);
    }

    private static async Task Completed(IVaultGrain vault, OperationReceipt started)
    {
        OperationReceipt? receipt = started;
        await Eventually.TrueAsync(async () => (receipt = await vault.Operation(started.OperationId))!.Status != OperationStatus.Pending, $"operation {started.OperationId} settles", Patience);
        Assert.Equal(OperationStatus.Completed, receipt!.Status);
    }
}
