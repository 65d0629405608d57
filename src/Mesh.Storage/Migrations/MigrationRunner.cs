using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Mesh.Storage.Migrations;

/// <summary>Applies the scripts a database lacks, one exclusive transaction per script, and checks the ones it has.</summary>
internal static class MigrationRunner
{
    /// <summary>Brings the database up to date.</summary>
    /// <param name="database">The open database.</param>
    /// <param name="scripts">The scripts this build carries, in version order.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="cancellationToken">Cancels the run between or during scripts.</param>
    /// <returns>The number of scripts this call applied.</returns>
    /// <exception cref="SchemaMigrationException">A recorded script differs from this build's, or a script failed.</exception>
    public static async Task<int> RunAsync(MigrationDatabase database, IReadOnlyList<MigrationScript> scripts, ILogger logger, CancellationToken cancellationToken)
    {
        var provider = database.Provider;
        await using (var check = await database.BeginExclusiveAsync(cancellationToken))
        {
            foreach (var recorded in await database.ReadAppliedAsync(check, cancellationToken))
            {
                var script = scripts.FirstOrDefault(s => s.Version == recorded.Version);
                if (script is null)
                {
                    Log.UnknownScript(logger, provider, recorded.Name, recorded.Version);
                }
                else
                {
                    EnsureUnchanged(provider, script, recorded);
                }
            }

            await check.CommitAsync(cancellationToken);
        }

        var applied = 0;
        foreach (var script in scripts)
        {
            await using var transaction = await database.BeginExclusiveAsync(cancellationToken);
            var recorded = await database.ReadAppliedAsync(transaction, cancellationToken);
            var existing = recorded.FirstOrDefault(r => r.Version == script.Version);
            if (existing is not null)
            {
                EnsureUnchanged(provider, script, existing);
                Log.AlreadyApplied(logger, provider, script.Name);
                await transaction.CommitAsync(cancellationToken);
                continue;
            }

            Log.ApplyingScript(logger, provider, script.Name);
            var clock = Stopwatch.StartNew();
            await ApplyAsync(database, script, transaction, cancellationToken);
            applied++;
            Log.AppliedScript(logger, provider, script.Name, clock.ElapsedMilliseconds);
        }

        Log.UpToDate(logger, provider, applied);
        return applied;
    }

    private static void EnsureUnchanged(StorageProvider provider, MigrationScript script, AppliedMigration existing)
    {
        if (!string.Equals(existing.Checksum, script.Checksum, StringComparison.OrdinalIgnoreCase))
        {
            throw new SchemaMigrationException(
                $"Schema {provider}: script {script.Name}.sql was applied as {existing.Name}.sql with checksum {existing.Checksum}, " +
                $"but this build's {script.Name}.sql has checksum {script.Checksum}. An applied script must never change: " +
                "restore the original file and add the change as a new, higher-numbered script.");
        }
    }

    private static async Task ApplyAsync(MigrationDatabase database, MigrationScript script, DbTransaction transaction, CancellationToken cancellationToken)
    {
        try
        {
            await database.ApplyAsync(script, transaction, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbException exception)
        {
            throw new SchemaMigrationException($"Schema {database.Provider}: script {script.Name}.sql failed and was rolled back: {exception.Message}", exception);
        }
    }
}
