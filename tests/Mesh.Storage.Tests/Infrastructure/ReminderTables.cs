using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;

namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>
/// One migrated database per provider, and the reminder table a silo built with the storage extensions would use
/// over it (ADO.NET on PostgreSQL, Mesh's own on SQLite), resolved from the silo's real services and started; the
/// silos themselves do not run. Tables are scoped by service id, so each test takes a service of its own.
/// </summary>
public sealed class ReminderTables : IAsyncLifetime
{
    private readonly Dictionary<StorageProvider, TestDatabase> _databases = [];
    private readonly List<IHost> _hosts = [];

    public TestDatabase Database(StorageProvider provider) => _databases[provider];

    public async Task InitializeAsync()
    {
        foreach (var provider in new[] { StorageProvider.PostgreSql, StorageProvider.Sqlite })
        {
            _databases[provider] = await TestDatabase.CreateAsync(provider);
        }
    }

    /// <summary>A started table of the given service (a new one when null).</summary>
    public async Task<IReminderTable> TableAsync(StorageProvider provider, string? serviceId = null)
    {
        var service = serviceId ?? "svc-" + Guid.NewGuid().ToString("N")[..12];
        var database = _databases[provider];
        var host = TestSilo.Build(silo =>
        {
            silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (service, service));
            if (provider == StorageProvider.PostgreSql)
            {
                silo.UseMeshPostgreSqlStorage(database.ConnectionString);
            }
            else
            {
                silo.UseMeshSqliteStorage(database.ConnectionString);
            }
        });
        lock (_hosts)
        {
            _hosts.Add(host);
        }

        var table = host.Services.GetRequiredService<IReminderTable>();
        await table.StartAsync();
        return table;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        foreach (var database in _databases.Values)
        {
            await database.DisposeAsync();
        }
    }
}
