using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Grains.Transfers;
using Mesh.Protocols;
using Mesh.Storage;
using Mesh.Testing;
using Mesh.Transfers;
using Mesh.Vaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Transfers;

/// <summary>
/// A single node on SQLite whose transfer grains and simulated chains share one fake clock (<see cref="Clock"/>;
/// Orleans keeps the real one). The chains are created once per test run (<see cref="Chains"/>), so they outlive a
/// cluster restart as real chains would. Transfers poll every 50 ms of real time, resume by a reminder every 2 s,
/// and count a chain as halted after 2 block times without a head.
/// </summary>
public sealed class TransferFixture : ClusterFixture
{
    public const string Asset = "USDC";
    public static readonly UInt128 Usdc = 1_000_000;
    public static readonly IReadOnlyList<string> ChainNames = ["local-a", "local-b", "local-c"];

    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    public static ISimulatedChainProvider Chains { get; } = SimulatedChains.CreateProvider(TestChains.Load(), Clock);

    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative",
        ["Mesh:Transfers:PollInterval"] = "00:00:00.050",
        ["Mesh:Transfers:ResumePeriod"] = "00:00:02",
        ["Mesh:Transfers:HaltedAfterBlocks"] = "2",
        ["Mesh:Transfers:QuoteTtl"] = "00:00:30",
        ["Mesh:Transfers:LockTimeout"] = "00:01:00",
    };

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    public ITransferGrain Transfer(string requestId) => Client.GetGrain<ITransferGrain>(requestId);

    public static ISimulatedChain Chain(string name) => Chains.GetSimulated(name);

    public static string Bridge(string chain) => TestChains.Load().FindChain(chain)!.Contracts.Bridge;

    public static MeshClusterSpec Spec(TestDatabase database) => new(database)
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = Settings,
        MinimumReminderPeriod = TimeSpan.FromSeconds(1),
    };

    /// <summary>A fresh active protocol on the three chains with <paramref name="each"/> USDC in its vault on every one (deposited through its vault grains, final).</summary>
    public static async Task<(string Protocol, string Account)> MemberAsync(IClusterClient client, string prefix, UInt128 each)
    {
        var protocol = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var account = "0x" + Guid.NewGuid().ToString("N").PadLeft(40, '0');
        await client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest(prefix, [.. ChainNames], "ops@example.org", RiskTier.Conservative, account));
        if (each > UInt128.Zero)
        {
            foreach (var chain in ChainNames)
            {
                await DepositAsync(client, protocol, account, chain, Asset, each);
            }
        }

        return (protocol, account);
    }

    /// <summary>Mints <paramref name="amount"/> to the protocol's account and deposits it through the protocol's vault grain on the chain, until final.</summary>
    public static async Task DepositAsync(IClusterClient client, string protocol, string account, string chain, string asset, UInt128 amount)
    {
        Chain(chain).Fund(account, asset, amount);
        var vault = Vault(client, protocol, chain);
        var operationId = $"deposit-{asset}-{Guid.NewGuid():N}";
        await vault.Deposit(new VaultMovement(operationId, asset, amount));
        await Until(async () => (await vault.Operation(operationId))?.Status == Mesh.Vaults.OperationStatus.Completed, $"the deposit on {chain} is final");
    }

    /// <summary>
    /// The conservation audit's difference per asset and chain. The chains outlive this cluster (the restart test runs
    /// its own cluster on them), so a test compares differences before and after rather than expecting zero: what the
    /// mesh does in between must change none.
    /// </summary>
    public static async Task<Dictionary<string, string>> AuditDifferencesAsync(IClusterClient client)
    {
        var audit = await client.GetGrain<Mesh.Audit.IConservationAuditGrain>(0).Run();
        return audit.Assets.SelectMany(a => a.Chains.Select(c => (Key: $"{a.Asset} on {c.Chain}", c.Difference))).ToDictionary(x => x.Key, x => x.Difference, StringComparer.Ordinal);
    }

    /// <summary>The protocol's main vault on a chain.</summary>
    public static IVaultGrain Vault(IClusterClient client, string protocol, string chain) => client.GetGrain<IVaultGrain>(new VaultKey(protocol, chain).ToString());

    /// <summary>What the protocol's vault grain on a chain holds of the asset, as its books say.</summary>
    public static async Task<UInt128> BookBalanceAsync(IClusterClient client, string protocol, string chain, string asset = Asset) =>
        (await Vault(client, protocol, chain).Books()).Balances.GetValueOrDefault(asset);

    /// <summary>Mints bridge liquidity on a chain, so that releases there can be paid.</summary>
    public static void FundBridge(string chain, UInt128 amount) => Chain(chain).Fund(Bridge(chain), Asset, amount);

    /// <summary>Advances the fake clock half a block per look until <paramref name="condition"/> holds.</summary>
    public static Task Until(Func<Task<bool>> condition, string because, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(async () =>
        {
            if (await condition())
            {
                return true;
            }

            Clock.Advance(TimeSpan.FromMilliseconds(500));
            return false;
        }, because, timeout ?? TimeSpan.FromSeconds(60));

    /// <summary>Drives a transfer until it ends, and returns its status.</summary>
    public static async Task<TransferStatus> EndedAsync(ITransferGrain transfer)
    {
        TransferStatus? status = null;
        await Until(async () => (status = await transfer.Status()).IsTerminal, $"transfer {transfer.GetPrimaryKeyString()} ends");
        return status!;
    }

    public static TransferQuoteRequest Request(string protocol, string from, string to, UInt128 amount) =>
        new(protocol, Asset, from, to, amount, TimeSpan.FromMinutes(10));

    /// <summary>How many movement events on a chain carry the operation id.</summary>
    public static async Task<int> MovementsOf(string chain, OperationId id)
    {
        var head = await Chain(chain).GetHeadAsync();
        return (await Chain(chain).GetMovementsAsync(0, head.Number)).Count(m => m.OperationId == id);
    }

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with
    {
        SiloConfigurators = [typeof(Configurator)],
        Settings = Settings,
        MinimumReminderPeriod = TimeSpan.FromSeconds(1),
    };

    /// <summary>Puts the shared chains and the fake clock (keyed, for transfers only) in the silo.</summary>
    public sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton(Chains);
            siloBuilder.Services.AddSingleton<IChainClientProvider>(Chains);
            siloBuilder.Services.AddKeyedSingleton<TimeProvider>(TransferServices.ClockKey, Clock);
        }
    }

    /// <summary>The collection of every test on these chains and this clock: one at a time.</summary>
    [CollectionDefinition(Name)]
    public sealed class Collection : ICollectionFixture<TransferFixture>
    {
        public const string Name = "Transfers";
    }
}
