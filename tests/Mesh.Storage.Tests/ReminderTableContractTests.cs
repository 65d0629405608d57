using Mesh.Storage.Reminders;
using Mesh.Storage.Tests.Infrastructure;

namespace Mesh.Storage.Tests;

/// <summary>
/// The reminder table of each storage mode (Orleans' ADO.NET table over the project's PostgreSQL queries; Mesh's
/// SQLite table) against Orleans' reminder contract, ring ranges judged by Orleans' own <see cref="RangeFactory"/>.
/// </summary>
public sealed class ReminderTableContractTests(ReminderTables tables) : IClassFixture<ReminderTables>
{
    private static readonly SemaphoreSlim RingSeeding = new(1, 1);
    private static readonly List<GrainId> RingGrains = Enumerable.Range(0, 64).Select(i => GrainId.Create("ring", $"g{i}")).ToList();
    private static readonly DateTime Start = new(2026, 3, 12, 8, 30, 0, 250, DateTimeKind.Utc);

    public static TheoryData<StorageProvider> Providers => [StorageProvider.PostgreSql, StorageProvider.Sqlite];

    public static TheoryData<StorageProvider, uint, uint> Ranges()
    {
        var data = new TheoryData<StorageProvider, uint, uint>();
        (uint, uint)[] ranges =
        [
            (0, 0), (0, uint.MaxValue), (uint.MaxValue, 0), (0x40000000, 0xC0000000), (0xC0000000, 0x40000000),
            (0x7FFFFFFF, 0x80000000), (0x80000000, 0x7FFFFFFF), (0x10000000, 0x20000000), (0xF0000000, 0xF0000000),
            (0x00000001, 0x7FFFFFFF), (0x80000001, 0xFFFFFFFE),
        ];
        foreach (var provider in new[] { StorageProvider.PostgreSql, StorageProvider.Sqlite })
        {
            foreach (var (begin, end) in ranges)
            {
                data.Add(provider, begin, end);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpsertRow_NewReminder_ReadRowReturnsItWithItsETag(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var entry = Entry(States.NewGrainId(), "tick");

        var eTag = await sut.UpsertRow(entry);

        var read = await sut.ReadRow(entry.GrainId, "tick");
        Assert.NotNull(read);
        Assert.Equal((entry.GrainId, "tick", Start, TimeSpan.FromMinutes(5), eTag), (read.GrainId, read.ReminderName, read.StartAt, read.Period, read.ETag));
        Assert.Equal(DateTimeKind.Utc, read.StartAt.Kind);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task UpsertRow_ExistingReminder_ReplacesItWithANewETag(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var entry = Entry(States.NewGrainId(), "tick");
        var first = await sut.UpsertRow(entry);
        entry.Period = TimeSpan.FromHours(1);
        entry.StartAt = Start.AddDays(1);

        var second = await sut.UpsertRow(entry);

        Assert.NotEqual(first, second);
        var read = (await sut.ReadRow(entry.GrainId, "tick"))!;
        Assert.Equal((Start.AddDays(1), TimeSpan.FromHours(1), second), (read.StartAt, read.Period, read.ETag));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RemoveRow_StaleETag_RemovesNothingAndCurrentETagRemoves(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var entry = Entry(States.NewGrainId(), "tick");
        var stale = await sut.UpsertRow(entry);
        var current = await sut.UpsertRow(entry);

        Assert.False(await sut.RemoveRow(entry.GrainId, "tick", stale!));
        Assert.NotNull(await sut.ReadRow(entry.GrainId, "tick"));
        Assert.True(await sut.RemoveRow(entry.GrainId, "tick", current!));
        Assert.Null(await sut.ReadRow(entry.GrainId, "tick"));
        Assert.False(await sut.RemoveRow(entry.GrainId, "tick", current!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task RemoveRow_ReminderRegisteredAgainAfterRemoval_OldETagDoesNotRemoveIt(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var entry = Entry(States.NewGrainId(), "tick");
        var old = await sut.UpsertRow(entry);
        Assert.True(await sut.RemoveRow(entry.GrainId, "tick", old!));
        await sut.UpsertRow(entry);

        Assert.False(await sut.RemoveRow(entry.GrainId, "tick", old!));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReadRows_Grain_ReturnsAllOfItsRemindersOnly(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var grain = States.NewGrainId();
        await sut.UpsertRow(Entry(grain, "a"));
        await sut.UpsertRow(Entry(grain, "b"));
        await sut.UpsertRow(Entry(States.NewGrainId(), "a"));

        var rows = await sut.ReadRows(grain);

        Assert.Equal(["a", "b"], rows.Reminders.Select(r => r.ReminderName).Order());
        Assert.All(rows.Reminders, r => Assert.Equal(grain, r.GrainId));
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public async Task ReadRows_RingRange_ReturnsExactlyTheRemindersOrleansPutsInIt(StorageProvider provider, uint begin, uint end)
    {
        var sut = await RingAsync(provider);

        var rows = await sut.ReadRows(begin, end);

        var range = RangeFactory.CreateRange(begin, end);
        var expected = RingGrains.Where(g => range.InRange(g)).Select(g => g.ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(expected, rows.Reminders.Select(r => r.GrainId.ToString()).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task ReadRows_RangeEdgesAtAGrainsHash_IncludeEndExcludeBegin(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var grain = States.NewGrainId();
        await sut.UpsertRow(Entry(grain, "r"));
        var hash = grain.GetUniformHashCode();

        Assert.Single((await sut.ReadRows(hash - 1, hash)).Reminders);
        Assert.Empty((await sut.ReadRows(hash, hash + 1)).Reminders);
        Assert.Single((await sut.ReadRows(hash, hash)).Reminders);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TestOnlyClearTable_TwoServicesInOneDatabase_ClearsOnlyItsOwn(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);
        var other = await tables.TableAsync(provider);
        var grain = States.NewGrainId();
        await sut.UpsertRow(Entry(grain, "mine"));
        await other.UpsertRow(Entry(grain, "theirs"));

        await sut.TestOnlyClearTable();

        Assert.Empty((await sut.ReadRows(0, 0)).Reminders);
        Assert.Equal("theirs", Assert.Single((await other.ReadRows(grain)).Reminders).ReminderName);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task StartAsync_StorageExtensions_PickTheTableOfTheirMode(StorageProvider provider)
    {
        var sut = await tables.TableAsync(provider);

        Assert.Equal(provider == StorageProvider.Sqlite ? typeof(SqliteReminderTable).FullName : "Orleans.Runtime.ReminderService.AdoNetReminderTable", sut.GetType().FullName);
    }

    /// <summary>The table of the service whose reminders are the 64 ring grains, seeded once per provider.</summary>
    private async Task<IReminderTable> RingAsync(StorageProvider provider)
    {
        var service = "ring-" + provider;
        await RingSeeding.WaitAsync();
        try
        {
            var table = await tables.TableAsync(provider, service);
            if ((await table.ReadRows(0, 0)).Reminders.Count == 0)
            {
                foreach (var grain in RingGrains)
                {
                    await table.UpsertRow(Entry(grain, "r"));
                }
            }

            return table;
        }
        finally
        {
            RingSeeding.Release();
        }
    }

    private static ReminderEntry Entry(GrainId grain, string name) => new()
    {
        GrainId = grain,
        ReminderName = name,
        StartAt = Start,
        Period = TimeSpan.FromMinutes(5),
    };
}
