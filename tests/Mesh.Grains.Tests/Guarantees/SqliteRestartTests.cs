using Mesh.Storage;

namespace Mesh.Grains.Tests.Guarantees;

/// <summary>A single node restarted on the same SQLite file.</summary>
public sealed class SqliteRestartTests : RestartTests
{
    protected override StorageProvider Provider => StorageProvider.Sqlite;
}
