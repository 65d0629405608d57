using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Activation;

public sealed class CatalogTests
{
    [Fact]
    public async Task CollectIdle_ActivationIdleLongerThanCollectionAge_IsDeactivatedAndReactivatedOnNextCall()
    {
        var time = new FakeTimeProvider();
        var log = new LifecycleLog();
        await using var silo = await RuntimeFixture.StartSqliteAsync(time: time, log: log, options: o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.CollectionQuantum = TimeSpan.FromMinutes(1);
        });
        var sut = silo.GrainFactory.GetGrain<ILedgerGrain>("idle");
        await sut.Credit(5, "first");

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(["activate"], log.For("idle"));
        time.Advance(TimeSpan.FromMinutes(2));
        await Eventually.TrueAsync(() => silo.Status.ActivationCount == 0, "the idle activation was collected");

        Assert.Equal(["activate", "deactivate:Idle"], log.For("idle"));
        Assert.Equal(5, (await sut.Read()).Balance);
        Assert.Equal(["activate", "deactivate:Idle", "activate"], log.For("idle"));
    }

    [Fact]
    public async Task CollectIdle_ActivationBusyWithinAge_StaysActive()
    {
        var time = new FakeTimeProvider();
        var log = new LifecycleLog();
        await using var silo = await RuntimeFixture.StartSqliteAsync(time: time, log: log, options: o => o.CollectionAge = TimeSpan.FromMinutes(5));
        var sut = silo.GrainFactory.GetGrain<ILedgerGrain>("busy");

        for (var i = 0; i < 6; i++)
        {
            await sut.Credit(1, "tick");
            time.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(["activate"], log.For("busy"));
    }

    [Fact]
    public async Task DeactivateOnIdle_AfterTurn_DeactivatesAndNextCallReloadsState()
    {
        var log = new LifecycleLog();
        await using var silo = await RuntimeFixture.StartSqliteAsync(log: log);
        var sut = silo.GrainFactory.GetGrain<ILedgerGrain>("requested");
        await sut.Credit(7, "x");

        await sut.Deactivate();
        await Eventually.TrueAsync(() => log.For("requested").Contains("deactivate:Requested"), "the grain deactivated");

        Assert.Equal(7, (await sut.Read()).Balance);
        Assert.Equal(2, log.For("requested").Count(e => e == "activate"));
    }

    [Fact]
    public async Task StopAsync_Graceful_RunsOnDeactivateSoStateWrittenThereSurvives()
    {
        var connection = RuntimeFixture.NewSqliteConnectionString();
        var log = new LifecycleLog();
        await using (var silo = await RuntimeFixture.StartSqliteAsync(connection, log: log))
        {
            var ledger = silo.GrainFactory.GetGrain<ILedgerGrain>("shutdown");
            await ledger.Credit(10, "persisted");
            await ledger.CreditInMemoryOnly(5);
            await silo.StopAsync();
        }

        Assert.Equal(["activate", "deactivate:Shutdown"], log.For("shutdown"));
        await using var restarted = await RuntimeFixture.StartSqliteAsync(connection);
        Assert.Equal(15, (await restarted.GrainFactory.GetGrain<ILedgerGrain>("shutdown").Read()).Balance);
    }

    [Fact]
    public async Task GetOrCreate_AfterStop_RejectsNewActivationsWithClearError()
    {
        var silo = await RuntimeFixture.StartSqliteAsync();
        var factory = silo.GrainFactory;
        await silo.StopAsync();

        var error = await Assert.ThrowsAsync<SiloUnavailableException>(() => factory.GetGrain<ICounterGrain>("late").Increment(1));

        Assert.Contains("shutting down", error.Message);
        await silo.DisposeAsync();
    }
}
