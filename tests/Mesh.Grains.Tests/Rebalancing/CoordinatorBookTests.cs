using Mesh.Errors;
using Mesh.Grains.Rebalancing;
using Mesh.Rebalancing;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Rebalancing;

/// <summary>The coordinator's book on a fake clock: grants come back on completion, release and expiry; the figures stay conserved.</summary>
public sealed class CoordinatorBookTests
{
    private static readonly TimeSpan GrantTtl = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan QueueTtl = TimeSpan.FromMinutes(15);
    private static readonly AllocationRules Rules = new(Dust: 10, ByUrgency: true, LiquidationsFirst: true, FairShare: true);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CoordinatorBook _sut = new(new CoordinatorState());

    private DateTimeOffset Now => _clock.GetUtcNow();

    [Fact]
    public void Allocate_GrantsUpToTheRoomAndQueuesTheRest()
    {
        Admit("a", 60, 1.1);
        Admit("b", 60, 1.2);

        var (quantity, grants) = Allocate(100);

        Assert.Equal(((UInt128)100, 2), (quantity, grants));
        Assert.Equal((GrantStatus.Granted, (UInt128)60, (string?)null), Row("a"));
        Assert.Equal((GrantStatus.Granted, (UInt128)40, "room.partial"), Row("b"));
        Assert.Equal((UInt128)100, _sut.State.InFlight);
        Assert.Equal(Now + GrantTtl, _sut.Find("a")!.ExpiresAt);
        _sut.CheckConservation();
    }

    [Fact]
    public void Complete_ReturnsTheUnusedPartAndIsIdempotent()
    {
        Admit("a", 60, 1.1);
        Allocate(100);

        var (first, changed) = _sut.Complete("a", 45, Now);
        var (again, changedAgain) = _sut.Complete("a", 45, Now);

        Assert.Equal((GrantStatus.Completed, (UInt128)45, true, false), (first.Status, first.Executed, changed, changedAgain));
        Assert.Same(first, again);
        Assert.Equal(UInt128.Zero, _sut.State.InFlight);
        Assert.Equal(1L, _sut.State.Completed);
        _sut.CheckConservation();
    }

    [Fact]
    public void Complete_AboveTheGrantOrOtherFigure_IsRefusedAndChangesNothing()
    {
        Admit("a", 60, 1.1);
        Allocate(100);

        var above = Assert.Throws<MeshException>(() => _sut.Complete("a", 61, Now));
        Assert.Equal(("executed", "executed.above_grant"), (above.Field, above.Code));
        Assert.Equal((UInt128)60, _sut.State.InFlight);
        _sut.Complete("a", 60, Now);
        Assert.Equal("request.completed", Assert.Throws<MeshException>(() => _sut.Complete("a", 59, Now)).Code);
        Assert.Equal("request.unknown", Assert.Throws<MeshException>(() => _sut.Complete("nope", 1, Now)).Code);
    }

    [Fact]
    public void Release_ReturnsAllAndTheQueueRoomGoesToTheNext()
    {
        Admit("a", 100, 1.1);
        Admit("b", 100, 1.2);
        Allocate(100);

        _sut.Release("a", "sale failed", Now);
        Allocate(100 - (ulong)_sut.State.InFlight);

        Assert.Equal((GrantStatus.Released, (UInt128)100, "sale failed"), Row("a"));
        Assert.Equal((GrantStatus.Granted, (UInt128)100, (string?)null), Row("b"));
        Assert.Equal((UInt128)100, _sut.State.InFlight);
        Assert.False(_sut.Release("a", "again", Now).Changed);
        _sut.CheckConservation();
    }

    [Fact]
    public void Sweep_ExpiresUnusedGrantsAtTheirDeadlineAndTheirCapacityComesBack()
    {
        Admit("a", 100, 1.1);
        Allocate(100);
        _clock.Advance(GrantTtl - TimeSpan.FromSeconds(1));
        Assert.False(_sut.Sweep(Now, TimeSpan.FromHours(1), 100));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_sut.Sweep(Now, TimeSpan.FromHours(1), 100));

        Assert.Equal((GrantStatus.Expired, UInt128.Zero, "grant.expired"), (Row("a").Status, _sut.State.InFlight, Row("a").Reason));
        Assert.Equal(1L, _sut.State.Expired);
        _sut.CheckConservation();
    }

    [Fact]
    public void Sweep_ExpiresQueuedRequestsAtTheQueueDeadline()
    {
        Admit("a", 100, 1.1);
        Allocate(0);
        _clock.Advance(QueueTtl);

        _sut.Sweep(Now, TimeSpan.FromHours(1), 100);

        Assert.Equal((GrantStatus.Expired, "queue.expired"), (Row("a").Status, Row("a").Reason));
        Assert.Equal(0, _sut.QueuedCount);
    }

    [Fact]
    public void Sweep_ForgetsFinishedRequestsBeyondTheRetention()
    {
        for (var i = 0; i < 5; i++)
        {
            Admit($"r{i}", 10, 1.1);
            _sut.Release($"r{i}", "not needed", Now);
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        _sut.Sweep(Now, TimeSpan.FromMinutes(3.5), 2);

        Assert.Equal(["r3", "r4"], _sut.State.Finished.Keys.Order());
        Assert.Null(_sut.Find("r0"));
    }

    [Fact]
    public void Allocate_TakesFromTheFlowBudgetAndReleaseGivesItBack()
    {
        _sut.State.Flow = TokenBucket.Full(150, 10, Now);
        Admit("a", 100, 1.1);
        Allocate(100);

        Assert.Equal((UInt128)50, _sut.State.Flow.Available(Now));
        _sut.Release("a", "no longer needed", Now);
        Assert.Equal((UInt128)150, _sut.State.Flow.Available(Now));
    }

    [Fact]
    public void CheckConservation_ACorruptedFigure_Throws()
    {
        Admit("a", 60, 1.1);
        Allocate(100);
        _sut.State.InFlight += 1;

        Assert.Throws<InvalidOperationException>(_sut.CheckConservation);
    }

    private void Admit(string id, ulong quantity, double hf, string protocol = "p") =>
        _sut.Admit(new SaleRequest(id, $"{protocol}/local-a", protocol, quantity, hf, hf < 1), Now, QueueTtl);

    private (UInt128, int) Allocate(ulong room) => _sut.Allocate(room, Rules, q => q * 2, Now, GrantTtl, "room.none", null);

    private (GrantStatus Status, UInt128 Granted, string? Reason) Row(string id) => _sut.Find(id) is { } r ? (r.Status, r.Granted, r.Reason) : throw new InvalidOperationException(id);
}
