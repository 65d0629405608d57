using Mesh.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Storage;

/// <summary>
/// Applies the project's versioned schema scripts (<c>deploy/postgres</c>, <c>deploy/sqlite</c>, embedded in this
/// assembly) that a database lacks, and records each in <c>mesh_schema_migrations</c> with its SHA-256.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Applies every script not yet applied, in order; idempotent and safe when several silos start at once.</summary>
    /// <param name="provider">The storage provider.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The number of scripts applied now.</returns>
    /// <exception cref="SchemaMigrationException">An applied script differs from this build's copy, or a script failed.</exception>
    public static Task<int> ApplyAsync(StorageProvider provider, string connectionString, CancellationToken cancellationToken) =>
        ApplyAsync(provider, connectionString, NullLogger.Instance, cancellationToken);

    /// <summary>Applies every script not yet applied, in order, logging each; idempotent and safe when several silos start at once.</summary>
    /// <param name="provider">The storage provider.</param>
    /// <param name="connectionString">The connection string.</param>
    /// <param name="logger">Receives one line per applied script.</param>
    /// <param name="cancellationToken">Cancels the migration.</param>
    /// <returns>The number of scripts applied now.</returns>
    /// <exception cref="SchemaMigrationException">An applied script differs from this build's copy, or a script failed.</exception>
    public static async Task<int> ApplyAsync(StorageProvider provider, string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(logger);
        var scripts = MigrationScripts.For(provider);
        await using var database = provider switch
        {
            StorageProvider.PostgreSql => await PostgreSqlMigrationDatabase.OpenAsync(connectionString, cancellationToken),
            StorageProvider.Sqlite => await SqliteMigrationDatabase.OpenAsync(connectionString, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
        };
        return await MigrationRunner.RunAsync(database, scripts, logger, cancellationToken);
    }
}
