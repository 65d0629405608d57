using Mesh.Storage.Reminders;
using Mesh.Storage.Sqlite;
using Mesh.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Mesh.Storage.Tests.Reminders;

public sealed class SqliteReminderTableTests
{
    [Fact]
    public async Task StartAsync_FileWithoutSchema_FailsNamingTheMigration()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite, migrate: false);
        var sut = Create(database);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.StartAsync());

        Assert.Contains("SchemaMigrator.ApplyAsync", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpsertRow_StartTimeWithEveryTick_ReadsBackTheSameInstant()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sut = Create(database);
        await sut.StartAsync();
        var start = new DateTime(2025, 3, 9, 12, 34, 16, DateTimeKind.Utc).AddTicks(7_891_234);
        var grain = States.NewGrainId();

        await sut.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = start, Period = TimeSpan.FromMinutes(1) });

        Assert.Equal(start, (await sut.ReadRow(grain, "r"))!.StartAt);
        Assert.Equal("2025-03-09T12:34:16.7891234Z", await database.ScalarAsync("SELECT start_time FROM mesh_reminders"));
    }

    [Fact]
    public async Task UpsertRow_LocalStartTime_StoresTheSameInstantInUtc()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sut = Create(database);
        var utc = new DateTime(2026, 3, 12, 8, 30, 0, DateTimeKind.Utc);
        var grain = States.NewGrainId();

        await sut.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = utc.ToLocalTime(), Period = TimeSpan.FromMinutes(1) });

        Assert.Equal(utc, (await sut.ReadRow(grain, "r"))!.StartAt);
    }

    [Fact]
    public async Task UpsertRow_Grain_StoresItsParsableIdAndUnsignedRingPosition()
    {
        await using var database = await TestDatabase.CreateAsync(StorageProvider.Sqlite);
        var sut = Create(database);
        var grain = GrainId.Create("vault", "aave/ethereum");

        await sut.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "r", StartAt = DateTime.UnixEpoch, Period = TimeSpan.FromMinutes(1) });

        Assert.Equal("vault/aave/ethereum", await database.ScalarAsync("SELECT grain_id FROM mesh_reminders"));
        Assert.Equal((long)grain.GetUniformHashCode(), await database.ScalarAsync("SELECT grain_hash FROM mesh_reminders"));
        Assert.Equal(grain, (await sut.ReadRows(grain)).Reminders.Single().GrainId);
    }

    private static SqliteReminderTable Create(TestDatabase database) => new(
        new SqliteStorageDataSource(database.ConnectionString),
        Options.Create(new ClusterOptions { ServiceId = "svc" }),
        NullLogger<SqliteReminderTable>.Instance);
}
