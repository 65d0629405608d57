using Mesh.Runtime.Tests.Grains;
using Mesh.Testing;

namespace Mesh.Runtime.Tests.Activation;

public sealed class ActivationDataTests
{
    [Fact]
    public async Task Invoke_TenThousandConcurrentCalls_CounterIsExact()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<ICounterGrain>("exact");

        var calls = Enumerable.Range(0, 10_000).Select(_ => Task.Run(() => sut.Increment(1))).ToArray();
        var results = await Task.WhenAll(calls);

        Assert.Equal(10_000, await sut.Get());
        Assert.Equal(Enumerable.Range(1, 10_000), results.Order());
    }

    [Fact]
    public async Task Invoke_ConcurrentCallsThatAwaitInside_NoUpdateLost()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IAsyncCounterGrain>("awaiting");

        var results = await Task.WhenAll(Enumerable.Range(0, 2_000).Select(_ => Task.Run(() => sut.Increment())));

        Assert.Equal(Enumerable.Range(1, 2_000), results.Order());
    }

    [Fact]
    public async Task Invoke_CallsFromOneCaller_RunInOrderSent()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IAsyncCounterGrain>("fifo");

        var sends = Enumerable.Range(0, 500).Select(i => sut.Record(i)).ToArray();
        await Task.WhenAll(sends);

        Assert.Equal(Enumerable.Range(0, 500), await sut.Sequence());
    }

    [Fact]
    public async Task Invoke_NonReentrantGrain_SecondCallWaitsForFirstTurn()
    {
        var gates = new GateRegistry();
        await using var silo = await RuntimeFixture.StartSqliteAsync(gates: gates);
        var sut = silo.GrainFactory.GetGrain<IInterleavingGrain>("exclusive");

        var first = sut.Hold("a");
        await Eventually.TrueAsync(() => gates.HasEntered("a"), "the first turn started");
        var second = sut.Hold("b");
        var peek = await sut.Peek();

        Assert.Equal(1, peek);
        Assert.False(gates.HasEntered("b"));
        gates.Open("a");
        await first;
        await Eventually.TrueAsync(() => gates.HasEntered("b"), "the second turn started after the first ended");
        gates.Open("b");
        await second;
        Assert.Equal(1, await sut.MaxConcurrency());
    }

    [Fact]
    public async Task Invoke_ReadOnlyMethods_InterleaveWithEachOtherButNotWithWrites()
    {
        var gates = new GateRegistry();
        await using var silo = await RuntimeFixture.StartSqliteAsync(gates: gates);
        var sut = silo.GrainFactory.GetGrain<IInterleavingGrain>("readers");

        var read1 = sut.ReadHold("r1");
        var read2 = sut.ReadHold("r2");
        await Eventually.TrueAsync(() => gates.HasEntered("r1") && gates.HasEntered("r2"), "both read-only turns run together");
        var write = sut.Hold("w");

        Assert.Equal(2, await sut.Peek());
        Assert.False(gates.HasEntered("w"));
        gates.Open("r1");
        gates.Open("r2");
        await Task.WhenAll(read1, read2);
        await Eventually.TrueAsync(() => gates.HasEntered("w"), "the write started after the reads");
        gates.Open("w");
        await write;
        Assert.Equal(2, await sut.MaxConcurrency());
    }

    [Fact]
    public async Task Invoke_ReentrantGrain_TurnsInterleaveAtAwaits()
    {
        var gates = new GateRegistry();
        await using var silo = await RuntimeFixture.StartSqliteAsync(gates: gates);
        var sut = silo.GrainFactory.GetGrain<IReentrantGrain>("reentrant");

        var first = sut.Hold("x");
        var second = sut.Hold("y");
        await Eventually.TrueAsync(() => gates.HasEntered("x") && gates.HasEntered("y"), "both turns of a reentrant grain run");
        gates.Open("x");
        gates.Open("y");
        await Task.WhenAll(first, second);

        Assert.Equal(2, await sut.MaxConcurrency());
    }

    [Fact]
    public async Task Invoke_CallCycleOnNonReentrantGrains_FailsFastNamingTheCycle()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IPingPongGrain>("a");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => sut.PingVia("b").WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(["pingpong/a.IPingPongGrain.PingVia", "pingpong/b.IPingPongGrain.PongBack", "pingpong/a.IPingPongGrain.Echo"], error.Cycle);
        Assert.Contains("pingpong/a.IPingPongGrain.PingVia -> pingpong/b.IPingPongGrain.PongBack -> pingpong/a.IPingPongGrain.Echo", error.Message);
    }

    [Fact]
    public async Task Invoke_CycleBackIntoAGrainStillActivating_FailsFastInsteadOfWaitingForTheDeadline()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<ICallbackOnActivateGrain>("activating");

        var error = await Assert.ThrowsAsync<DeadlockException>(() => sut.Hello().WaitAsync(TimeSpan.FromSeconds(10)));

        Assert.Equal(["callbackonactivate/activating.OnActivateAsync", "pingpong/peer-of-activating.IPingPongGrain.PongBackTo", "callbackonactivate/activating.ICallbackOnActivateGrain.Hello"], error.Cycle);
    }

    [Fact]
    public async Task Invoke_CallCycleEndingInAlwaysInterleaveMethod_Completes()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IPingPongGrain>("c");

        Assert.Equal("pong from d", await sut.PingViaInterleaved("d"));
    }

    [Fact]
    public async Task Invoke_GrainThrows_CallerGetsSameTypeAndMessage()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IFaultyGrain>("f");

        var sync = await Assert.ThrowsAsync<InsufficientCollateralException>(() => sut.Throw("vault v1 is short by 42 USDC"));
        var afterAwait = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.ThrowAfterAwait("bad amount"));

        Assert.Equal("vault v1 is short by 42 USDC", sync.Message);
        Assert.Contains("bad amount", afterAwait.Message);
        Assert.Equal(5, await sut.AddValue(2, 3));
    }

    [Fact]
    public async Task Invoke_PastDeadline_ThrowsTimeoutNamingTheCall()
    {
        var time = new FakeTimeProvider();
        await using var silo = await RuntimeFixture.StartSqliteAsync(time: time, options: o => o.ResponseTimeout = TimeSpan.FromSeconds(2));
        var sut = silo.GrainFactory.GetGrain<IFaultyGrain>("slow");
        await sut.Nothing();

        var call = sut.Sleep(TimeSpan.FromSeconds(10), CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<GrainCallTimeoutException>(() => call);
        Assert.Contains("faulty/slow.IFaultyGrain.Sleep", error.Message);
        Assert.Equal(TimeSpan.FromSeconds(2), error.Timeout);
        time.Advance(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Invoke_CallerCancels_GrainSeesCancellationAndCallerGetsCanceled()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IFaultyGrain>("cancel");
        using var cancellation = new CancellationTokenSource();

        var call = sut.WaitForCancellation(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GetGrain_ReturnsReferenceWithoutActivating_ActivatesOnceOnFirstCall()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var before = CounterGrain.Activations;

        var sut = silo.GrainFactory.GetGrain<ICounterGrain>("lazy-" + Guid.NewGuid());
        Assert.Equal(before, CounterGrain.Activations);

        await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => sut.Increment(1)));
        Assert.Equal(before + 1, CounterGrain.Activations);
        Assert.Equal(1, silo.Status.ActivationCount);
    }

    [Theory]
    [InlineData("")]
    public void GetGrain_InvalidKey_ThrowsNamingTheKey(string key)
    {
        var error = Record.Exception(() => GrainId.ValidateKey(key));

        Assert.IsType<ArgumentException>(error);
        Assert.Contains("1 to 512", error.Message);
    }

    [Fact]
    public async Task Activation_OnActivateThrows_CallerGetsErrorAndNextCallReactivates()
    {
        await using var silo = await RuntimeFixture.StartSqliteAsync();
        var sut = silo.GrainFactory.GetGrain<IBrokenActivationGrain>("flaky");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => sut.Hello());

        Assert.Equal("oracle feed unavailable during activation", error.Message);
        Assert.Equal("hello", await sut.Hello());
    }
}
