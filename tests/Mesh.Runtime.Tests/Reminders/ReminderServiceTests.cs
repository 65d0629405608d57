using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Reminders;

public sealed class ReminderServiceTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Reminder_Registered_FiresAtDueTimeThenEveryPeriod(string provider)
    {
        var time = new FakeTimeProvider(Start);
        var log = new LifecycleLog();
        await using var silo = await StartAsync(provider, await NewDatabaseAsync(provider), time, log);
        var sut = silo.GrainFactory.GetGrain<ITickingGrain>("r1");

        await sut.StartReminder("settle", TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.Empty(log.For("r1"));

        time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => log.For("r1").Count == 1, "the first tick fired");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => log.For("r1").Count == 2, "the second tick fired");

        Assert.Equal([$"settle@{Start.AddSeconds(30):O}", $"settle@{Start.AddSeconds(90):O}"], log.For("r1"));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public async Task Reminder_SiloRestarted_FiresOnScheduleWithoutTheGrainBeingCalled(string provider)
    {
        var database = await NewDatabaseAsync(provider);
        var time = new FakeTimeProvider(Start);
        await using (var first = await StartAsync(provider, database, time, new LifecycleLog()))
        {
            await first.GrainFactory.GetGrain<ITickingGrain>("durable").StartReminder("accrue", TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(5));
        }

        var log = new LifecycleLog();
        await using var second = await StartAsync(provider, database, time, log);
        time.Advance(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => log.For("durable").Count == 1, "the reminder fired after the restart");

        Assert.Equal([$"accrue@{Start.AddMinutes(5):O}"], log.For("durable"));
    }

    [Fact]
    public async Task Reminder_TicksMissedWhileDown_FiresOnceThenResumesSchedule()
    {
        var database = RuntimeFixture.NewSqliteConnectionString();
        var time = new FakeTimeProvider(Start);
        await using (var first = await StartAsync("sqlite", database, time, new LifecycleLog()))
        {
            await first.GrainFactory.GetGrain<ITickingGrain>("missed").StartReminder("sweep", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        }

        time.Advance(TimeSpan.FromMinutes(10));
        var log = new LifecycleLog();
        await using var second = await StartAsync("sqlite", database, time, log);
        await Eventually.TrueAsync(() => log.For("missed").Count == 1, "the overdue tick fired at start");
        time.Advance(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => log.For("missed").Count == 2, "the schedule resumed");

        Assert.Equal([$"sweep@{Start.AddMinutes(1):O}", $"sweep@{Start.AddMinutes(11):O}"], log.For("missed"));
    }

    [Fact]
    public async Task Reminder_Unregistered_StopsFiringAndStaysGoneAfterRestart()
    {
        var database = RuntimeFixture.NewSqliteConnectionString();
        var time = new FakeTimeProvider(Start);
        var log = new LifecycleLog();
        await using (var silo = await StartAsync("sqlite", database, time, log))
        {
            var sut = silo.GrainFactory.GetGrain<ITickingGrain>("gone");
            await sut.StartReminder("x", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10));
            await sut.StopReminder("x");
            time.Advance(TimeSpan.FromMinutes(1));
        }

        await using var restarted = await StartAsync("sqlite", database, time, log);
        time.Advance(TimeSpan.FromMinutes(1));
        await restarted.GrainFactory.GetGrain<ITickingGrain>("gone").TimerTicks();

        Assert.Empty(log.For("gone"));
    }

    [Fact]
    public async Task RegisterOrUpdateReminder_PeriodBelowMinimum_ThrowsNamingTheSetting()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => silo.GrainFactory.GetGrain<ITickingGrain>("fast").StartReminder("x", TimeSpan.Zero, TimeSpan.FromMilliseconds(10)));

        Assert.Contains("MinimumReminderPeriod", error.Message);
    }

    private static async Task<string> NewDatabaseAsync(string provider) =>
        provider == "sqlite" ? RuntimeFixture.NewSqliteConnectionString() : await (await PostgresServer.SharedAsync()).CreateDatabaseAsync("reminders");

    private static Task<TestSilo> StartAsync(string provider, string database, TimeProvider time, LifecycleLog log) =>
        provider == "sqlite"
            ? RuntimeFixture.StartSqliteAsync(database, time, log: log)
            : RuntimeFixture.StartPostgresAsync(database, time, log: log);
}
