using Mesh.Storage.Persistence;
using Mesh.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Storage;
using JsonGrainStorageSerializer = Mesh.Storage.Persistence.JsonGrainStorageSerializer;

namespace Mesh.Storage.Tests.Infrastructure;

/// <summary>
/// One running single-node silo per storage provider, each on a fresh migrated database, with the storage a host
/// gets from <c>UseMeshPostgreSqlStorage</c> / <c>UseMeshSqliteStorage</c>, plus two plain ADO.NET providers over
/// the same queries for contract tests: <c>raw</c> (no grain-id wrapper) and <c>deleting</c> (DeleteStateOnClear).
/// </summary>
public sealed class StorageSilos : IAsyncLifetime
{
    public const string ServiceId = "storage-tests";

    private readonly Dictionary<StorageProvider, (TestDatabase Database, TestSilo Silo)> _silos = [];

    public static TheoryData<StorageProvider> Providers => [StorageProvider.PostgreSql, StorageProvider.Sqlite];

    public TestDatabase Database(StorageProvider provider) => _silos[provider].Database;

    public TestSilo Silo(StorageProvider provider) => _silos[provider].Silo;

    /// <summary>The default grain storage, as grains get it.</summary>
    public IGrainStorage Storage(StorageProvider provider) => Silo(provider).Services.GetRequiredKeyedService<IGrainStorage>(GrainStorageRegistration.DefaultProviderName);

    public IGrainStorage Named(StorageProvider provider, string name) => Silo(provider).Services.GetRequiredKeyedService<IGrainStorage>(name);

    public async Task InitializeAsync()
    {
        await Task.WhenAll(StartAsync(StorageProvider.PostgreSql), StartAsync(StorageProvider.Sqlite));
    }

    public async Task DisposeAsync()
    {
        foreach (var (database, silo) in _silos.Values)
        {
            try
            {
                await silo.DisposeAsync();
            }
            finally
            {
                await database.DisposeAsync();
            }
        }
    }

    private async Task StartAsync(StorageProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        try
        {
            var silo = await TestSilo.StartLocalAsync(ServiceId, silo =>
            {
                if (provider == StorageProvider.PostgreSql)
                {
                    silo.UseMeshPostgreSqlStorage(database.ConnectionString);
                }
                else
                {
                    silo.UseMeshSqliteStorage(database.ConnectionString);
                }

                AddPlain(silo, provider, database.ConnectionString, "raw", deleteStateOnClear: false);
                AddPlain(silo, provider, database.ConnectionString, "deleting", deleteStateOnClear: true);
            });
            lock (_silos)
            {
                _silos[provider] = (database, silo);
            }
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    private static void AddPlain(ISiloBuilder silo, StorageProvider provider, string connectionString, string name, bool deleteStateOnClear) =>
        silo.Services.AddAdoNetGrainStorage(name, options => options.Configure<JsonGrainStorageSerializer>((o, serializer) =>
        {
            if (provider == StorageProvider.PostgreSql)
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = connectionString;
            }
            else
            {
                o.Invariant = "System.Data.SQLite";
                o.DataSource = new SqliteStorageDataSource(connectionString);
            }

            o.GrainStorageSerializer = serializer;
            o.DeleteStateOnClear = deleteStateOnClear;
        }));
}
