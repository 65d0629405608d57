using Mesh.Storage;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>A single node on SQLite running the mesh's domain grains, with protocols up to Conservative admitted automatically.</summary>
public sealed class DomainFixture : ClusterFixture
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) =>
        spec with { Settings = new Dictionary<string, string> { ["Mesh:Protocols:AutoApproveUpTo"] = "Conservative" } };
}
