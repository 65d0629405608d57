using Mesh.Storage;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>
/// A single node on a SQLite file with the production settings, except two that only change how long the test takes:
/// the file lives on a RAM-backed file system when there is one (<c>/dev/shm</c>: SQLite still commits every write
/// through the same WAL file; only the fsync is nearly free, where a disk's costs milliseconds per commit), and the
/// client waits up to <see cref="ClientResponseTimeout"/> for a reply, since a call queued behind thousands of
/// durable writes to one grain can wait longer than Orleans' 30 s.
/// </summary>
public sealed class SingleNodeSqliteFixture : ClusterFixture
{
    public static readonly TimeSpan ClientResponseTimeout = TimeSpan.FromMinutes(5);

    private const string RamFolder = "/dev/shm";

    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override string? SqliteFolder => Directory.Exists(RamFolder) ? RamFolder : null;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with { ClientResponseTimeout = ClientResponseTimeout };
}
