using System.Diagnostics;
using System.Text.RegularExpressions;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.TestGrains;

namespace Mesh.Grains.Tests.Guarantees;

/// <summary>
/// What a call cycle through non-reentrant grains (A calls B, B calls A back while A's call is still running) does
/// on Orleans 10.4.2.
/// </summary>
/// <remarks>
/// What Orleans 10.4.2 does: it has no deadlock detection. Orleans 3's <c>DeadlockException</c> and its
/// <c>PerformDeadlockDetection</c> option are gone (no such type in Orleans.Core.Abstractions, Orleans.Core or
/// Orleans.Runtime 10.4.2; the dispatcher's "Detected application deadlock" log event is still declared, but nothing
/// raises it). B's call back into A waits in A's queue behind the request A is running, and A waits for B, so nothing
/// breaks the cycle but the response timeout (<c>Mesh:Orleans:ResponseTimeout</c>, 30 s by default). The first call
/// of the cycle to reach it, A's call to B, fails in the silo with <see cref="TimeoutException"/> ("Response did not
/// arrive on time in 00:00:02 for message: Request [... cycle/a]->[... cycle/b] ...ICycleGrain...CallBack(System.String)
/// ..."); A's method lets it escape to A's caller, and only then does A run B's queued call. The grains are not
/// wedged afterwards. Users of the old runtime got a <c>DeadlockException</c> at once; on Orleans they get this timeout
/// after the whole response timeout. What 10.4.2 offers instead is to let the cycle in:
/// <c>RequestContext.AllowCallChainReentrancy()</c> around the outgoing call lets calls of that call chain re-enter
/// the grain (<c>[Reentrant]</c> and <c>[AlwaysInterleave]</c> interleave all calls, or calls to one method).
/// </remarks>
public sealed class CallCycleTests(CallCycleFixture fixture) : IClassFixture<CallCycleFixture>
{
    [Fact]
    public async Task CallAround_NonReentrantCycle_FailsWithTimeoutAfterResponseTimeout()
    {
        var (origin, partner) = Keys();
        var sut = fixture.Client.GetGrain<ICycleGrain>(origin);
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => sut.CallAround(partner));

        clock.Stop();
        var timeout = CallCycleFixture.ResponseTimeout;
        // A's call to B timed out inside the silo (the client would have waited 20 s), e.g. "Response did not arrive on
        // time in 00:00:02 for message: Request [S127.0.0.1:24012:155119909 cycle/a-1]->[S127.0.0.1:24012:155119909
        // cycle/b-1] Mesh.TestGrains.ICycleGrain[(Mesh.TestGrains.ICycleGrain)Mesh.TestGrains.CycleGrain].CallBack(System.String) #4CF9...".
        Assert.Matches(
            $@"^Response did not arrive on time in {Regex.Escape(timeout.ToString("c"))} for message: Request \[S\S+ cycle/{origin}\]->\[S\S+ cycle/{partner}\] Mesh\.TestGrains\.ICycleGrain\S*\.CallBack\(System\.String\)",
            exception.Message);
        Assert.InRange(clock.Elapsed, timeout, CallCycleFixture.ClientResponseTimeout);
    }

    [Fact]
    public async Task Answer_AfterCallCycleTimedOut_GrainAnswersAgain()
    {
        var (origin, partner) = Keys();
        var sut = fixture.Client.GetGrain<ICycleGrain>(origin);
        await Assert.ThrowsAsync<TimeoutException>(() => sut.CallAround(partner));

        Assert.Equal(origin, await sut.Answer());
    }

    [Fact]
    public async Task CallAroundAllowingReentrancy_Cycle_Completes()
    {
        var (origin, partner) = Keys();
        var sut = fixture.Client.GetGrain<ICycleGrain>(origin);

        // Without the re-entrancy this throws TimeoutException after the response timeout (see above).
        var answer = await sut.CallAroundAllowingReentrancy(partner);

        Assert.Equal($"{partner}<-{origin}", answer);
    }

    private static (string Origin, string Partner) Keys()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        return ($"a-{id}", $"b-{id}");
    }
}
