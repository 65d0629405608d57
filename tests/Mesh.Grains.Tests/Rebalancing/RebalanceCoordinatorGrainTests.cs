using Mesh.Errors;
using Mesh.Rebalancing;
using Mesh.Testing;
using static Mesh.Grains.Tests.Rebalancing.RebalancingFixture;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The coordinator grain under the static caps (USDC: hole 1,000, dust 100): worked examples, idempotency, refusals, the grant's life.</summary>
[Collection(RebalancingCollection.Name)]
public sealed class RebalanceCoordinatorGrainTests(RebalancingFixture fixture) : IAsyncLifetime
{
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private IRebalanceCoordinatorGrain Sut => fixture.Coordinator("USDC");

    public Task InitializeAsync() => fixture.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Request_StaticCaps_FullPartialStrictDustAndQueue()
    {
        // 700 of 1,000 fit whole; 450 finds 300 of room and leaves 150 ≥ dust: partial; 50 then finds no room: queued.
        var a = await Sut.Request(Sale("a", 700));
        var b = await Sut.Request(Sale("b", 450));
        var c = await Sut.Request(Sale("c", 50));

        Assert.Equal((GrantStatus.Granted, 700 * Usdc, (string?)null), (a.Status, a.Granted, a.Reason));
        Assert.Equal((GrantStatus.Granted, 300 * Usdc, "room.partial"), (b.Status, b.Granted, b.Reason));
        Assert.Equal((GrantStatus.Queued, UInt128.Zero, "room.none"), (c.Status, c.Granted, c.Reason));
        Assert.Equal(Clock.GetUtcNow() + QueueTtl, c.ExpiresAt);
        Assert.NotNull(c.RetryAfter);

        // Releasing a's 700 gives the queue its room at once: c (50, below dust but the whole request) goes whole.
        var released = await Sut.Release(Id("a"), "sale failed");
        Assert.Equal((GrantStatus.Released, "sale failed"), (released.Status, released.Reason));
        Assert.Equal((GrantStatus.Granted, 50 * Usdc), await StatusOf("c"));

        // 650 left; 690 would leave 40 < dust: Maker sells it all (over the cap), the coordinator sells 550 and leaves 140.
        var d = await Sut.Request(Sale("d", 690));
        Assert.Equal((GrantStatus.Granted, 550 * Usdc, "room.partial"), (d.Status, d.Granted, d.Reason));

        // 100 left = dust: 60 fits whole; 30 still fits whole in the 40 left; then 50 in 10 of room would be a dusty partial: queued.
        Assert.Equal(60 * Usdc, (await Sut.Request(Sale("e", 60))).Granted);
        Assert.Equal(30 * Usdc, (await Sut.Request(Sale("f", 30))).Granted);
        Assert.Equal(GrantStatus.Queued, (await Sut.Request(Sale("g", 50))).Status);
        var view = await Sut.View();
        Assert.Equal((1_000 * Usdc, 990 * Usdc, 10 * Usdc, "static"), (view.Capacity, view.InFlight, view.Free, view.CapacityBasis));
    }

    [Fact]
    public async Task Request_SameIdManyTimesAtOnce_OneGrant()
    {
        var before = await Sut.View();

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Sut.Request(Sale("once", 400))));
        var again = await Sut.Request(Sale("once", 400));

        Assert.All(answers.Append(again), g => Assert.Equal((GrantStatus.Granted, 400 * Usdc), (g.Status, g.Granted)));
        var view = await Sut.View();
        Assert.Equal((400 * Usdc, before.Granted + 1), (view.InFlight, view.Granted));
    }

    [Fact]
    public async Task Request_AfterCompletion_SameIdGetsTheFinishedStateNotASecondGrant()
    {
        await Sut.Request(Sale("done", 300));
        var completed = await Sut.Complete(Id("done"), 120 * Usdc);

        var retried = await Sut.Request(Sale("done", 300));

        Assert.Equal((GrantStatus.Completed, 120 * Usdc), (completed.Status, completed.Executed));
        Assert.Equal(completed, retried);
        Assert.Equal(UInt128.Zero, (await Sut.View()).InFlight);
        Assert.Equal(completed, await Sut.Complete(Id("done"), 120 * Usdc));
    }

    [Fact]
    public async Task Request_SameIdOtherQuantity_ConflictAndNothingChanges()
    {
        await Sut.Request(Sale("x", 100));

        var error = await Assert.ThrowsAsync<MeshException>(() => Sut.Request(Sale("x", 101)));

        Assert.Equal((MeshErrorKind.Conflict, "request.id_reused"), (error.Kind, error.Code));
        Assert.Equal(100 * Usdc, (await Sut.View()).InFlight);
    }

    [Theory]
    [InlineData("", "v", "p", 1, 1.0, "requestId")]
    [InlineData("r", "", "p", 1, 1.0, "vault")]
    [InlineData("r", "v", " ", 1, 1.0, "protocolId")]
    [InlineData("r", "v", "p", 0, 1.0, "quantity")]
    [InlineData("r", "v", "p", 1, -0.1, "healthFactor")]
    [InlineData("r", "v", "p", 1, double.NaN, "healthFactor")]
    [InlineData("r", "v", "p", 1, double.PositiveInfinity, "healthFactor")]
    public async Task Request_InvalidField_RefusedNamingItWithNoStateChange(string id, string vault, string protocol, long quantity, double hf, string field)
    {
        var before = await Sut.View();

        var error = await Assert.ThrowsAsync<MeshException>(() => Sut.Request(new SaleRequest(id, vault, protocol, (UInt128)quantity, hf, false)));

        Assert.Equal((MeshErrorKind.Validation, field), (error.Kind, error.Field));
        var after = await Sut.View();
        Assert.Equal((before.Granted, before.Queued, before.InFlight), (after.Granted, after.Queued, after.InFlight));
    }

    [Theory]
    [InlineData(1.0, null, "haircut", "haircut.invalid")]
    [InlineData(-0.01, null, "haircut", "haircut.invalid")]
    [InlineData(double.NaN, null, "haircut", "haircut.invalid")]
    [InlineData(0.2, 1.0, "proceedsHaircut", "haircut.invalid")]
    [InlineData(0.2, double.NaN, "proceedsHaircut", "haircut.invalid")]
    [InlineData(null, 0.05, "proceedsHaircut", "haircut.missing")]
    public async Task Request_InvalidHaircut_RefusedNamingItWithNoStateChange(double? haircut, double? proceedsHaircut, string field, string code)
    {
        var before = await Sut.View();

        var error = await Assert.ThrowsAsync<MeshException>(() => Sut.Request(new SaleRequest("r", "v", "p", 1, 1.1, false, haircut, proceedsHaircut)));

        Assert.Equal((MeshErrorKind.Validation, field, code), (error.Kind, error.Field, error.Code));
        var after = await Sut.View();
        Assert.Equal((before.Granted, before.Queued, before.InFlight), (after.Granted, after.Queued, after.InFlight));
    }

    [Fact]
    public async Task Request_UnknownAsset_NotFound()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => fixture.Coordinator("DOGE").Request(Sale("r", 1)));

        Assert.Equal((MeshErrorKind.NotFound, "asset.unknown"), (error.Kind, error.Code));
    }

    [Fact]
    public async Task Complete_AboveTheGrant_RefusedAndTheGrantStands()
    {
        await Sut.Request(Sale("g", 200));

        var error = await Assert.ThrowsAsync<MeshException>(() => Sut.Complete(Id("g"), (200 * Usdc) + 1));

        Assert.Equal(("executed", "executed.above_grant"), (error.Field, error.Code));
        Assert.Equal((GrantStatus.Granted, 200 * Usdc), await StatusOf("g"));
    }

    [Fact]
    public async Task Grant_UnusedPastItsDeadline_ExpiresAndItsCapacityAndBudgetComeBack()
    {
        var granted = await Sut.Request(Sale("late", 1_000));
        var queued = await Sut.Request(Sale("waiting", 500));
        Assert.Equal((GrantStatus.Granted, GrantStatus.Queued), (granted.Status, queued.Status));
        Assert.Equal(1_000 * Usdc, (await fixture.Budget.View()).Claims["USDC"]);
        Assert.Equal(Clock.GetUtcNow() + GrantTtl, granted.ExpiresAt);

        // No call: the coordinator's timer sweeps on its own, and the waiting request gets the room back.
        Clock.Advance(GrantTtl);
        await Eventually.TrueAsync(async () => (await fixture.Budget.View()).Claims.GetValueOrDefault("USDC") == 500 * Usdc, "the timer expired the grant and granted the queue");

        Assert.Equal((GrantStatus.Expired, "grant.expired"), await ReasonOf("late"));
        Assert.Equal((GrantStatus.Granted, 500 * Usdc), await StatusOf("waiting"));
        var completed = await Sut.Complete(Id("waiting"), 500 * Usdc);
        Assert.Equal(GrantStatus.Completed, completed.Status);
        await Eventually.TrueAsync(async () => !(await fixture.Budget.View()).Claims.ContainsKey("USDC"), "the budget claim fell to zero");
    }

    [Fact]
    public async Task Release_AQueuedRequest_LeavesTheQueue()
    {
        await Sut.Request(Sale("all", 1_000));
        await Sut.Request(Sale("q", 100));

        var released = await Sut.Release(Id("q"), "vault recovered");

        Assert.Equal(GrantStatus.Released, released.Status);
        Assert.Equal(0, (await Sut.View()).Queued);
    }

    private SaleRequest Sale(string name, ulong usdc, double hf = 1.05) => new(Id(name), $"p-{_run}/local-a", $"p-{_run}", usdc * Usdc, hf, hf < 1);

    private string Id(string name) => $"{_run}-{name}";

    private async Task<(GrantStatus, UInt128)> StatusOf(string name) => (await Sut.Status(Id(name))) is { } g ? (g.Status, g.Granted) : throw new InvalidOperationException(name);

    private async Task<(GrantStatus, string?)> ReasonOf(string name) => (await Sut.Status(Id(name))) is { } g ? (g.Status, g.Reason) : throw new InvalidOperationException(name);
}
