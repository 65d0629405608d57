using System.Text.Json;
using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Mesh.Runtime.Tests.Persistence;

/// <summary>The same behaviour on both storage providers, against the real databases.</summary>
public sealed class GrainStorageTests
{
    public static TheoryData<string> Providers => new() { "sqlite", "postgresql" };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_RestartSilo_StateReadBack(string provider)
    {
        var connection = await NewDatabaseAsync(provider);
        await using (var silo = await StartAsync(provider, connection))
        {
            var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("vault-1");
            await ledger.Credit(100, "deposit");
            await ledger.Credit(-30, "withdraw");
        }

        await using var restarted = await StartAsync(provider, connection);
        var sut = await restarted.GrainFactory.GetGrain<ILedgerGrain>("vault-1").Read();

        Assert.Equal(70, sut.Balance);
        Assert.Equal(["deposit", "withdraw"], sut.Entries);
        Assert.Equal((UInt128)70, sut.BaseUnits);
        // Two credits, then the write LedgerGrain makes in OnDeactivateAsync at the graceful stop.
        Assert.Equal(3, await restarted.GrainFactory.GetGrain<ILedgerGrain>("vault-1").Version());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task WriteStateAsync_ConcurrentWriterChangedRecord_ThrowsInconsistentStateAndActivationReloads(string provider)
    {
        var connection = await NewDatabaseAsync(provider);
        await using var silo = await StartAsync(provider, connection);
        var sut = silo.GrainFactory.GetGrain<ILedgerGrain>("contended");
        await sut.Credit(1, "one");

        await BumpVersionBehindTheGrainsBackAsync(provider, connection, "contended");
        var error = await Assert.ThrowsAsync<InconsistentStateException>(() => sut.Credit(1, "two"));

        Assert.Equal(1, error.ExpectedVersion);
        Assert.Equal(2, error.StoredVersion);
        Assert.Contains("another activation wrote it", error.Message);
        await Eventually.TrueAsync(async () => await sut.Version() == 2, "the activation was dropped and reloaded state");
        Assert.Equal(1001, await sut.Credit(1, "three"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ClearStateAsync_RecordCleared_ReadsDefaultAndVersionKeepsGrowing(string provider)
    {
        var connection = await NewDatabaseAsync(provider);
        await using var silo = await StartAsync(provider, connection);
        var sut = silo.GrainFactory.GetGrain<ILedgerGrain>("cleared");
        await sut.Credit(9, "x");

        await sut.Clear();
        await sut.Deactivate();

        Assert.Equal(0, (await sut.Read()).Balance);
        Assert.Equal(2, await sut.Version());
        Assert.Equal(4, await sut.Credit(4, "after clear"));
        Assert.Equal(3, await sut.Version());
    }

    [Fact]
    public async Task WriteStateAsync_PostgreSql_StoresQueryableJsonb()
    {
        var connection = await NewDatabaseAsync("postgresql");
        await using var silo = await StartAsync("postgresql", connection);
        await silo.GrainFactory.GetGrain<ILedgerGrain>("readable").Credit(42, "memo");

        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT payload->>'balance', jsonb_typeof(payload), payload->'entries'->>0 FROM mesh_grain_state WHERE grain_type = 'ledger' AND grain_key = 'readable'", db);
        await using var reader = await query.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());

        Assert.Equal("42", reader.GetString(0));
        Assert.Equal("object", reader.GetString(1));
        Assert.Equal("memo", reader.GetString(2));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task MigrateAsync_FreshDatabase_RecordsSchemaVersion(string provider)
    {
        var connection = await NewDatabaseAsync(provider);
        await using var silo = await StartAsync(provider, connection);

        var version = provider == "sqlite"
            ? await ScalarSqliteAsync(connection, "SELECT version FROM mesh_schema_version WHERE component = 'mesh.runtime'")
            : await ScalarPostgresAsync(connection, "SELECT version FROM mesh_schema_version WHERE component = 'mesh.runtime'");

        var expected = provider == "sqlite" ? Sqlite.SqliteSchema.Migrations.Count : PostgreSql.PostgresDatabase.LoadScripts().Max(s => s.Version);
        Assert.True(expected >= 1);
        Assert.Equal(expected, Convert.ToInt64(version, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> NewDatabaseAsync(string provider) =>
        provider == "sqlite" ? RuntimeFixture.NewSqliteConnectionString() : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("storage");

    private static Task<TestSilo> StartAsync(string provider, string connection) =>
        provider == "sqlite" ? RuntimeFixture.StartSqliteAsync(connection) : RuntimeFixture.StartPostgresAsync(connection);

    private static async Task BumpVersionBehindTheGrainsBackAsync(string provider, string connection, string key)
    {
        var json = JsonSerializer.Serialize(new { balance = 1000, entries = new[] { "external" }, baseUnits = 1000 });
        var sql = $"UPDATE mesh_grain_state SET version = version + 1, payload = '{json}' WHERE grain_type = 'ledger' AND grain_key = '{key}'";
        if (provider == "sqlite")
        {
            await ScalarSqliteAsync(connection, sql);
        }
        else
        {
            await ScalarPostgresAsync(connection, sql);
        }
    }

    private static async Task<object?> ScalarSqliteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }

    private static async Task<object?> ScalarPostgresAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
