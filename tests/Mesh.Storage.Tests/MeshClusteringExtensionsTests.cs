using System.Net;
using Mesh.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Messaging;

namespace Mesh.Storage.Tests;

/// <summary>Orleans' ADO.NET membership table, as <c>UseMeshPostgreSqlClustering</c> wires it, against the project's queries.</summary>
public sealed class MeshClusteringExtensionsTests(PostgreSqlDatabase shared) : IClassFixture<PostgreSqlDatabase>, IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 3, 12, 8, 30, 0, 123, DateTimeKind.Utc);
    private readonly string _clusterId = "cluster-" + Guid.NewGuid().ToString("N")[..12];
    private TestDatabase _database = null!;
    private IHost _host = null!;
    private IMembershipTable _sut = null!;

    public async Task InitializeAsync()
    {
        _database = shared.Database;
        _host = TestSilo.Build(silo => silo
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, _clusterId))
            .UseMeshPostgreSqlClustering(_database.ConnectionString));
        _sut = _host.Services.GetRequiredService<IMembershipTable>();
        await _sut.InitializeMembershipTableAsync(tryInitTableVersion: true);
    }

    public Task DisposeAsync()
    {
        _host.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task InitializeMembershipTableAsync_Twice_KeepsVersionZeroAndNoSilos()
    {
        await _sut.InitializeMembershipTableAsync(tryInitTableVersion: true);

        var table = await _sut.ReadAllAsync();

        Assert.Equal(0, table.Version.Version);
        Assert.Equal("0", table.Version.VersionEtag);
        Assert.Empty(table.Members);
    }

    [Fact]
    public async Task InsertRowAsync_CurrentVersion_StoresEveryFieldAndBumpsVersion()
    {
        var entry = Entry(1, SiloStatus.Joining);
        var before = await _sut.ReadAllAsync();

        var inserted = await _sut.InsertRowAsync(entry, before.Version.Next());

        Assert.True(inserted);
        var table = await _sut.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        var (read, eTag) = Assert.Single(table.Members);
        Assert.Equal("1", eTag);
        Assert.Equal(entry.SiloAddress, read.SiloAddress);
        Assert.Equal(entry.SiloName, read.SiloName);
        Assert.Equal(entry.HostName, read.HostName);
        Assert.Equal(entry.Status, read.Status);
        Assert.Equal(entry.ProxyPort, read.ProxyPort);
        Assert.Equal(entry.StartTime, read.StartTime);
        Assert.Equal(entry.IAmAliveTime, read.IAmAliveTime);
        Assert.Equal(DateTimeKind.Utc, read.StartTime.Kind);
    }

    [Fact]
    public async Task InsertRowAsync_StaleVersion_InsertsNothing()
    {
        var stale = (await _sut.ReadAllAsync()).Version.Next();
        Assert.True(await _sut.InsertRowAsync(Entry(1, SiloStatus.Joining), stale));

        var inserted = await _sut.InsertRowAsync(Entry(2, SiloStatus.Joining), stale);

        Assert.False(inserted);
        var table = await _sut.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        Assert.Single(table.Members);
    }

    [Fact]
    public async Task InsertRowAsync_ExistingSilo_ReturnsFalseAndLeavesVersion()
    {
        var entry = Entry(1, SiloStatus.Joining);
        Assert.True(await _sut.InsertRowAsync(entry, (await _sut.ReadAllAsync()).Version.Next()));

        var inserted = await _sut.InsertRowAsync(entry, (await _sut.ReadAllAsync()).Version.Next());

        Assert.False(inserted);
        Assert.Equal(1, (await _sut.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task InsertRowAsync_ManySilosWithTheSameVersionAtOnce_ExactlyOneInserts()
    {
        var version = (await _sut.ReadAllAsync()).Version.Next();

        var results = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(() => _sut.InsertRowAsync(Entry(i, SiloStatus.Joining), version))));

        Assert.Single(results, inserted => inserted);
        var table = await _sut.ReadAllAsync();
        Assert.Equal(1, table.Version.Version);
        Assert.Single(table.Members);
    }

    [Fact]
    public async Task UpdateRowAsync_CurrentEtag_ChangesStatusAndSuspicionsAndBumpsVersion()
    {
        var entry = await InsertAsync(Entry(1, SiloStatus.Joining));
        var table = await _sut.ReadAllAsync();
        entry.Status = SiloStatus.Active;
        entry.SuspectTimes = [Tuple.Create(Address(7), Now.AddSeconds(5)), Tuple.Create(Address(8), Now.AddSeconds(6))];

        var updated = await _sut.UpdateRowAsync(entry, table.Members[0].Item2, table.Version.Next());

        Assert.True(updated);
        var after = await _sut.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(2, after.Version.Version);
        var read = Assert.Single(after.Members).Item1;
        Assert.Equal(SiloStatus.Active, read.Status);
        Assert.Equal(entry.SuspectTimes, read.SuspectTimes);
    }

    [Fact]
    public async Task UpdateRowAsync_StaleEtag_ChangesNothing()
    {
        var entry = await InsertAsync(Entry(1, SiloStatus.Joining));
        var stale = await _sut.ReadAllAsync();
        await InsertAsync(Entry(2, SiloStatus.Joining));
        entry.Status = SiloStatus.Dead;

        var updated = await _sut.UpdateRowAsync(entry, stale.Members[0].Item2, stale.Version.Next());

        Assert.False(updated);
        var table = await _sut.ReadAllAsync();
        Assert.Equal(2, table.Version.Version);
        Assert.All(table.Members, m => Assert.Equal(SiloStatus.Joining, m.Item1.Status));
    }

    [Fact]
    public async Task UpdateRowAsync_TwoSilosWithTheSameVersionAtOnce_ExactlyOneUpdates()
    {
        var first = await InsertAsync(Entry(1, SiloStatus.Active));
        var second = await InsertAsync(Entry(2, SiloStatus.Active));
        var table = await _sut.ReadAllAsync();
        first.Status = SiloStatus.Dead;
        second.Status = SiloStatus.Dead;

        var results = await Task.WhenAll(
            Task.Run(() => _sut.UpdateRowAsync(first, table.Version.VersionEtag, table.Version.Next())),
            Task.Run(() => _sut.UpdateRowAsync(second, table.Version.VersionEtag, table.Version.Next())));

        Assert.Single(results, updated => updated);
        var after = await _sut.ReadAllAsync();
        Assert.Equal(table.Version.Version + 1, after.Version.Version);
        Assert.Single(after.Members, m => m.Item1.Status == SiloStatus.Dead);
    }

    [Fact]
    public async Task UpdateIAmAliveAsync_AnyVersion_ChangesOnlyTheHeartbeat()
    {
        var entry = await InsertAsync(Entry(1, SiloStatus.Active));
        entry.IAmAliveTime = Now.AddMinutes(3);
        entry.Status = SiloStatus.Dead;

        await _sut.UpdateIAmAliveAsync(entry);

        var row = await _sut.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(1, row.Version.Version);
        Assert.Equal(Now.AddMinutes(3), row.Members[0].Item1.IAmAliveTime);
        Assert.Equal(SiloStatus.Active, row.Members[0].Item1.Status);
    }

    [Fact]
    public async Task ReadRowAsync_UnknownSilo_ReturnsVersionAndNoMember()
    {
        await InsertAsync(Entry(1, SiloStatus.Active));

        var row = await _sut.ReadRowAsync(Address(9));

        Assert.Equal(1, row.Version.Version);
        Assert.Empty(row.Members);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntriesAsync_DeadBeforeTheDate_RemovesOnlyThose()
    {
        var expired = Entry(1, SiloStatus.Dead, startTime: Now.AddDays(-9), iAmAlive: Now.AddDays(-8));
        var recentDead = Entry(2, SiloStatus.Dead);
        var oldActive = Entry(3, SiloStatus.Active, startTime: Now.AddDays(-9), iAmAlive: Now.AddDays(-8));
        expired.SuspectTimes = [Tuple.Create(Address(2), Now.AddDays(-8))];
        await InsertAsync(expired);
        await InsertAsync(recentDead);
        await InsertAsync(oldActive);
        var table = await _sut.ReadAllAsync();
        Assert.True(await _sut.UpdateRowAsync(expired, table.Version.VersionEtag, table.Version.Next()));

        await _sut.CleanupDefunctSiloEntriesAsync(new DateTimeOffset(Now.AddDays(-1)));

        var left = (await _sut.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal([recentDead.SiloAddress, oldActive.SiloAddress], left);
    }

    [Fact]
    public async Task CleanupDefunctSiloEntriesKey_BulkQuery_RemovesDeadBeforeTheDate()
    {
        await InsertAsync(Entry(1, SiloStatus.Dead, startTime: Now.AddDays(-9), iAmAlive: Now.AddDays(-8)));
        await InsertAsync(Entry(2, SiloStatus.Dead));
        await InsertAsync(Entry(3, SiloStatus.Active, startTime: Now.AddDays(-9), iAmAlive: Now.AddDays(-8)));
        var query = (string)(await _database.ScalarAsync("SELECT QueryText FROM OrleansQuery WHERE QueryKey = 'CleanupDefunctSiloEntriesKey'"))!;

        await _database.ScalarAsync(query, ("DeploymentId", _clusterId), ("IAmAliveTime", Now.AddDays(-1)));

        var left = (await _sut.ReadAllAsync()).Members.Select(m => m.Item1.SiloAddress.Generation).Order();
        Assert.Equal([2, 3], left);
    }

    [Fact]
    public async Task DeleteMembershipTableEntriesAsync_Cluster_RemovesVersionAndSilos()
    {
        await InsertAsync(Entry(1, SiloStatus.Active));

        await _sut.DeleteMembershipTableEntriesAsync(_clusterId);

        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM mesh_cluster_silos WHERE cluster_id = @c", ("c", _clusterId)));
        Assert.Equal(0L, await _database.ScalarAsync("SELECT count(*) FROM mesh_cluster_version WHERE cluster_id = @c", ("c", _clusterId)));
        await _sut.InitializeMembershipTableAsync(tryInitTableVersion: true);
        Assert.Equal(0, (await _sut.ReadAllAsync()).Version.Version);
    }

    [Fact]
    public async Task GetGatewaysAsync_ClientSide_ListsActiveSilosThatAcceptClients()
    {
        await InsertAsync(Entry(1, SiloStatus.Active));
        await InsertAsync(Entry(2, SiloStatus.Joining));
        await InsertAsync(Entry(3, SiloStatus.Active, proxyPort: 0));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (_clusterId, _clusterId))
            .UseMeshPostgreSqlClustering(_database.ConnectionString));
        using var client = builder.Build();
        var sut = client.Services.GetRequiredService<IGatewayListProvider>();
        await sut.InitializeGatewayListProviderAsync();

        var gateways = await sut.GetGatewaysAsync();

        var gateway = Assert.Single(gateways);
        Assert.Equal(Utils.ToGatewayUri(SiloAddress.New(IPAddress.Loopback, 30001, 1)), gateway);
    }

    [Fact]
    public async Task UseMeshPostgreSqlClustering_SiloAndClient_ClientFindsTheSiloAndItsGrainsPersist()
    {
        var cluster = "e2e-" + Guid.NewGuid().ToString("N")[..8];
        await using var silo = await TestSilo.StartClusteredAsync(cluster, s => s
            .UseMeshPostgreSqlClustering(_database.ConnectionString)
            .UseMeshPostgreSqlStorage(_database.ConnectionString));
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (cluster, cluster))
            .UseMeshPostgreSqlClustering(_database.ConnectionString));
        using var client = builder.Build();
        await client.StartAsync();

        var balance = await client.Services.GetRequiredService<IClusterClient>().GetGrain<Grains.ILedgerGrain>("bob").Deposit(25);

        Assert.Equal(25, balance);
        Assert.Equal("Active", await _database.ScalarAsync("SELECT status_name FROM mesh_cluster_silos WHERE cluster_id = @c AND proxy_port = @p", ("c", cluster), ("p", silo.GatewayPort)));
        Assert.Equal("25", await _database.ScalarAsync("SELECT payload->>'balance' FROM mesh_grain_state WHERE service_id = @c AND grain_key = 'ledger/bob'", ("c", cluster)));
        await client.StopAsync();
    }

    private static SiloAddress Address(int generation) => SiloAddress.New(IPAddress.Loopback, 11000 + generation, generation);

    private static MembershipEntry Entry(int generation, SiloStatus status, DateTime? startTime = null, DateTime? iAmAlive = null, int? proxyPort = null) => new()
    {
        SiloAddress = Address(generation),
        SiloName = $"silo-{generation}",
        HostName = "host-" + generation,
        Status = status,
        ProxyPort = proxyPort ?? 30000 + generation,
        StartTime = startTime ?? Now,
        IAmAliveTime = iAmAlive ?? Now.AddSeconds(1),
    };

    private async Task<MembershipEntry> InsertAsync(MembershipEntry entry)
    {
        Assert.True(await _sut.InsertRowAsync(entry, (await _sut.ReadAllAsync()).Version.Next()));
        return entry;
    }
}
