using Mesh.Storage;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// A single node on a SQLite file whose silo gives up on a grain call after <see cref="ResponseTimeout"/>; the client
/// waits longer, so that what it receives is what the silo did with the call, not its own deadline.
/// </summary>
public sealed class CallCycleFixture : ClusterFixture
{
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromSeconds(20);

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) =>
        spec with { ResponseTimeout = ResponseTimeout, ClientResponseTimeout = ClientResponseTimeout };
}
