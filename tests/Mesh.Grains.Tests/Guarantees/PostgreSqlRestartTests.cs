using Mesh.Storage;

namespace Mesh.Grains.Tests.Guarantees;

/// <summary>A cluster restarted on the same PostgreSQL database.</summary>
public sealed class PostgreSqlRestartTests : RestartTests
{
    protected override StorageProvider Provider => StorageProvider.PostgreSql;
}
