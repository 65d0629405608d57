using Mesh.Storage.Persistence;
using Mesh.Storage.Reminders;
using Mesh.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Mesh.Storage;

/// <summary>Registers grain storage (as the default provider) and the reminder table of a storage mode.</summary>
/// <remarks>
/// The schema must exist first: run <see cref="SchemaMigrator.ApplyAsync(StorageProvider, string, CancellationToken)"/>
/// before the silo starts. Grain state is written by <see cref="JsonGrainStorageSerializer"/>; register an instance
/// of it in the silo's services to change its options.
/// </remarks>
public static class MeshStorageSiloBuilderExtensions
{
    /// <summary>Grain state and reminders in PostgreSQL through Orleans' ADO.NET providers, with the project's schema and queries.</summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="connectionString">The PostgreSQL connection string.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseMeshPostgreSqlStorage(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        silo.Services.AddMeshAdoNetGrainStorage(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
        return silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = AdoNetInvariantNames.PostgreSql;
            o.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// Grain state in a SQLite file (Orleans' ADO.NET storage rows, queries and ETags, written with group commit by
    /// <see cref="SqliteGrainStorage"/>), reminders in the same file through the same writer.
    /// </summary>
    /// <param name="silo">The silo builder.</param>
    /// <param name="connectionString">The SQLite connection string.</param>
    /// <returns>The silo builder.</returns>
    public static ISiloBuilder UseMeshSqliteStorage(this ISiloBuilder silo, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var dataSource = new SqliteStorageDataSource(connectionString);
        silo.Services.AddMeshSqliteGrainStorage(dataSource);
        silo.AddReminders();
        silo.Services.AddSingleton<IReminderTable>(sp => new SqliteReminderTable(
            dataSource,
            sp.GetRequiredService<IOptions<ClusterOptions>>(),
            sp.GetRequiredService<ILogger<SqliteReminderTable>>()));
        return silo;
    }
}
