using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Grains.Transfers;
using Mesh.Protocols;
using Mesh.Storage;
using Mesh.Testing;
using Mesh.Transfers;
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

    /// <summary>A fresh active protocol on the three chains with <paramref name="each"/> USDC in its vault on every one (deposits final).</summary>
    public static async Task<(string Protocol, string Account)> MemberAsync(IClusterClient client, string prefix, UInt128 each)
    {
        var protocol = $"{prefix}-{Guid.NewGuid().ToString("N")[..8]}";
        var account = "0x" + Guid.NewGuid().ToString("N").PadLeft(40, '0');
        await client.GetGrain<IProtocolGrain>(protocol).Join(new JoinRequest(prefix, [.. ChainNames], "ops@example.org", RiskTier.Conservative, account));
        if (each > UInt128.Zero)
        {
            foreach (var chain in ChainNames)
            {
                Chain(chain).Fund(account, Asset, each);
                await Chain(chain).SubmitAsync(new ChainOperation(OperationId.FromName($"test/{protocol}/{chain}/deposit"), OperationKind.Deposit, protocol, account, Asset, each));
            }

            await Until(async () => (await Task.WhenAll(ChainNames.Select(c => Chain(c).GetVaultBalanceAsync(Asset, protocol)))).All(b => b == each), "the deposits are final");
        }

        return (protocol, account);
    }

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
