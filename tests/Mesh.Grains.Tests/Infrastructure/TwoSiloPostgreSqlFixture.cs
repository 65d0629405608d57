using Mesh.Storage;

namespace Mesh.Grains.Tests.Infrastructure;

/// <summary>Two silos on one PostgreSQL database, with the production settings (ADO.NET membership, distributed directory).</summary>
public sealed class TwoSiloPostgreSqlFixture : ClusterFixture
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;

    protected override MeshClusterSpec Configure(MeshClusterSpec spec) => spec with { Silos = 2 };
}
