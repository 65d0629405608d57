using Mesh.Storage;
using Orleans.TestingHost;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>One running cluster on fresh storage, shared by the tests of a class; stopped and its storage removed at the end.</summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private TestDatabase? _database;
    private TestCluster? _cluster;

    public TestCluster Cluster => _cluster ?? throw new InvalidOperationException("The cluster has not started.");

    public IClusterClient Client => Cluster.Client;

    protected abstract StorageProvider Provider { get; }

    /// <summary>Gets where a SQLite file goes; <see langword="null"/> is the system's temporary folder.</summary>
    protected virtual string? SqliteFolder => null;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, SqliteFolder);
        _cluster = await MeshTestCluster.StartAsync(Configure(new MeshClusterSpec(_database)));
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_cluster is not null)
            {
                await MeshTestCluster.StopAsync(_cluster);
            }
        }
        finally
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
            }
        }
    }

    protected virtual MeshClusterSpec Configure(MeshClusterSpec spec) => spec;
}
