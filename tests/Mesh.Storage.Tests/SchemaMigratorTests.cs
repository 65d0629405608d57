using System.Diagnostics;
using System.Security.Cryptography;
using Mesh.Storage.Migrations;
using Mesh.Storage.Tests.Infrastructure;
using Npgsql;

namespace Mesh.Storage.Tests;

public sealed class SchemaMigratorTests
{
    public static TheoryData<StorageProvider> Providers => [StorageProvider.PostgreSql, StorageProvider.Sqlite];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApplyAsync_EmptyDatabase_AppliesEveryScriptAndRecordsItsChecksum(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var scripts = MigrationScripts.For(provider);

        var applied = await SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None);

        Assert.Equal(scripts.Count, applied);
        foreach (var script in scripts)
        {
            var recorded = await database.ScalarAsync("SELECT checksum FROM mesh_schema_migrations WHERE version = @v AND name = @n", ("v", script.Version), ("n", script.Name));
            Assert.Equal(script.Checksum, recorded);
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApplyAsync_AppliedTwice_SecondRunAppliesNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None);

        var applied = await SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Equal((long)MigrationScripts.For(provider).Count, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM mesh_schema_migrations")));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ApplyAsync_FourSilosAtOnce_ApplyEachScriptOnce(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None))));

        Assert.Equal(MigrationScripts.For(provider).Count, runs.Sum());
        Assert.Equal((long)MigrationScripts.For(provider).Count, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM mesh_schema_migrations")));
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM OrleansQuery GROUP BY QueryKey HAVING count(*) > 1") ?? 0L));
    }

    [Theory]
    [InlineData(StorageProvider.PostgreSql, "002_clustering")]
    [InlineData(StorageProvider.Sqlite, "002_grain_state")]
    public async Task ApplyAsync_RecordedChecksumDiffers_FailsNamingTheScript(StorageProvider provider, string script)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.ScalarAsync("UPDATE mesh_schema_migrations SET checksum = @c WHERE version = 2", ("c", new string('0', 64)));

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None));

        Assert.Contains(script + ".sql", error.Message, StringComparison.Ordinal);
        Assert.Contains(new string('0', 64), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(StorageProvider.PostgreSql, "CREATE TABLE mesh_cluster_silos (x int)", "002_clustering")]
    [InlineData(StorageProvider.Sqlite, "CREATE TABLE mesh_grain_state (x int)", "002_grain_state")]
    public async Task ApplyAsync_ScriptFails_RollsItBackAndNamesIt(StorageProvider provider, string obstacle, string script)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        await database.ScalarAsync(obstacle);

        var error = await Assert.ThrowsAsync<SchemaMigrationException>(() => SchemaMigrator.ApplyAsync(provider, database.ConnectionString, CancellationToken.None));

        Assert.Contains(script + ".sql", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM mesh_schema_migrations")));
        Assert.Equal(0L, Convert.ToInt64(await database.ScalarAsync("SELECT count(*) FROM OrleansQuery")));
    }

    [Fact]
    public async Task ApplyAsync_ProvisionedByHandWithProvisionScript_FindsNothingToApply()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.PostgreSql, migrate: false);
        var output = await RunProvisionScriptAsync(database.ConnectionString);

        var applied = await SchemaMigrator.ApplyAsync(StorageProvider.PostgreSql, database.ConnectionString, CancellationToken.None);

        Assert.Equal(0, applied);
        Assert.Contains("004_reminders.sql: applied", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void MigrationScripts_Embedded_AreTheDeployFilesByteForByte(StorageProvider provider)
    {
        var files = Directory.GetFiles(RepositoryFiles.SchemaFolder(provider), "*.sql").Order(StringComparer.Ordinal).ToList();

        var sut = MigrationScripts.For(provider);

        Assert.Equal(files.Select(Path.GetFileNameWithoutExtension), sut.Select(s => s.Name));
        Assert.Equal(files.Select(f => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))), sut.Select(s => s.Checksum));
        Assert.Equal(Enumerable.Range(1, files.Count), sut.Select(s => s.Version));
    }

    private static async Task<string> RunProvisionScriptAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Order().Last();
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryFiles.SchemaFolder(StorageProvider.PostgreSql), "provision.sh"), $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["PATH"] = Path.Combine(bin, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"provision.sh failed ({process.ExitCode}): {await error}{await output}");
        return await output;
    }
}
