using Mesh.Grains.Tests.Infrastructure;
using Mesh.Grains.Transfers;
using Mesh.Storage;
using Mesh.Transfers;
using Orleans.TestingHost;
using static Mesh.Grains.Tests.Transfers.TransferFixture;

namespace Mesh.Grains.Tests.Transfers;

/// <summary>The whole silo stopped mid-saga and started again on the same storage: the reminder finishes the transfer, exactly once.</summary>
[Collection(Collection.Name)]
public sealed class TransferRestartTests : IAsyncLifetime
{
    private TestDatabase? _database;

    public async Task InitializeAsync() => _database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Execute_SiloRestartedWhileLocking_ResumesByReminderAndSettlesOnce()
    {
        var spec = Spec(_database!);
        var id = $"restart-{Guid.NewGuid():N}";
        var amount = 300 * Usdc;
        string protocol = "";
        TransferQuote? quote = null;
        FundBridge("local-c", 10_000 * Usdc);
        var bridgeC = await Chain("local-c").GetBalanceAsync(Asset, Bridge("local-c"));

        var cluster = await MeshTestCluster.StartAsync(spec);
        try
        {
            protocol = (await MemberAsync(cluster.Client, "restart", 1_000 * Usdc)).Protocol;
            var transfer = cluster.Client.GetGrain<ITransferGrain>(id);
            quote = await transfer.Quote(Request(protocol, "local-b", "local-c", amount));
            Assert.Equal(TransferPhase.Locking, (await transfer.Execute()).Phase);
        }
        finally
        {
            await MeshTestCluster.StopAsync(cluster);
        }

        // While no silo runs, the lock becomes final on its chain.
        Clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(Mesh.Chains.Clients.OperationState.Final, (await Chain("local-b").GetOperationAsync(TransferGrain.OperationIdOf(id, "lock"))).State);

        cluster = await MeshTestCluster.StartAsync(spec);
        try
        {
            // Nobody calls the transfer: only its reminder can bring it back and release on the destination.
            await Until(async () => await Chain("local-c").GetVaultBalanceAsync(Asset, protocol) == 1_000 * Usdc + quote!.Delivered, "the release is final on the destination", TimeSpan.FromSeconds(90));
            var transfer = cluster.Client.GetGrain<ITransferGrain>(id);
            TransferStatus? ended = null;
            await Until(async () => (ended = await transfer.Status()).IsTerminal, "the transfer ends");

            Assert.Equal(TransferPhase.Settled, ended!.Phase);
            Assert.Equal((amount, quote!.Delivered, UInt128.Zero), (ended.Locked, ended.Released, ended.Refunded));
            Assert.Equal(1, await MovementsOf("local-b", TransferGrain.OperationIdOf(id, "lock")));
            Assert.Equal(1, await MovementsOf("local-c", TransferGrain.OperationIdOf(id, "release")));
            Assert.Equal(1_000 * Usdc - amount, await Chain("local-b").GetVaultBalanceAsync(Asset, protocol));
            Assert.Equal(bridgeC - quote.Delivered, await Chain("local-c").GetBalanceAsync(Asset, Bridge("local-c")));
            // The books survived the restart with the saga: out of local-b's once, into local-c's once.
            Assert.Equal(1_000 * Usdc - amount, await BookBalanceAsync(cluster.Client, protocol, "local-b"));
            Assert.Equal(1_000 * Usdc + quote.Delivered, await BookBalanceAsync(cluster.Client, protocol, "local-c"));
        }
        finally
        {
            await MeshTestCluster.StopAsync(cluster);
        }
    }
}
