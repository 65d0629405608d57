namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>A migrated PostgreSQL database shared by the tests of a class (each test scopes itself by cluster or service id).</summary>
public sealed class PostgreSqlDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async Task InitializeAsync() => Database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
