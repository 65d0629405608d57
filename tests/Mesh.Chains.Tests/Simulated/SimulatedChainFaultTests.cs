using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainFaultTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task HaltBlocks_WhileIncluded_StopsFinalityUntilResumed()
    {
        var sut = TestChain.Create(_time, confirmations: 2);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10);
        var deposit = TestChain.Deposit("d", 10);
        await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(1);

        sut.HaltBlocks();
        _time.AdvanceBlocks(100);
        var halted = await sut.GetOperationAsync(deposit.Id);
        var haltedHead = await sut.GetHeadAsync();
        sut.ResumeBlocks();
        _time.AdvanceBlocks(1);
        var oneLater = await sut.GetOperationAsync(deposit.Id);
        _time.AdvanceBlocks(1);
        var resumed = await sut.GetOperationAsync(deposit.Id);

        Assert.False(sut.IsHalted);
        Assert.Equal(1UL, haltedHead.Number);
        Assert.Equal(OperationState.Included, halted.State);
        Assert.Equal(OperationState.Included, oneLater.State);
        Assert.Equal(OperationState.Final, resumed.State);
        Assert.Equal(3UL, (await sut.GetHeadAsync()).Number);
    }

    [Fact]
    public async Task HaltBlocks_NewSubmission_StaysPending()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10);
        sut.HaltBlocks();

        var deposit = TestChain.Deposit("d", 10);
        await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(10);

        Assert.True(sut.IsHalted);
        Assert.Equal(OperationState.Pending, (await sut.GetOperationAsync(deposit.Id)).State);
        Assert.Equal(1, sut.PendingCount);
    }

    [Fact]
    public async Task FailNextCalls_Unavailable_TypedErrorsThenRecoveryAndSubmissionHadNoEffect()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10);
        var deposit = TestChain.Deposit("d", 10);
        sut.FailNextCalls(2, ChainErrorKind.Unavailable);

        var submit = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(deposit));
        var read = await Assert.ThrowsAsync<ChainClientException>(() => sut.GetHeadAsync());
        var status = await sut.GetOperationAsync(deposit.Id);

        Assert.Equal((ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable), (submit.Kind, submit.Code));
        Assert.Equal("sim-a", submit.ChainName);
        Assert.True(submit.IsTransient);
        Assert.Equal(ChainErrorKind.Unavailable, read.Kind);
        Assert.Equal(OperationState.Unknown, status.State);
        Assert.Equal(0, sut.PendingCount);
    }

    [Theory]
    [InlineData(ChainErrorKind.Timeout, ChainErrorCodes.Timeout)]
    [InlineData(ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse)]
    public async Task FailNextCalls_Kind_EveryMethodRaisesIt(ChainErrorKind kind, string code)
    {
        var sut = TestChain.Create(_time);
        var calls = new Func<Task>[]
        {
            () => sut.GetHeadAsync(),
            () => sut.GetFinalizedHeadAsync(),
            () => sut.GetBlockAsync(0),
            () => sut.GetOperationAsync(OperationId.FromName("x")),
            () => sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice),
            () => sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol),
            () => sut.GetMovementsAsync(0, 1),
            () => sut.SubmitAsync(TestChain.Deposit("d", 1)),
        };
        sut.FailNextCalls(calls.Length, kind);

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<ChainClientException>(call);
            Assert.Equal(code, error.Code);
        }

        await sut.GetHeadAsync();
    }

    [Fact]
    public async Task SetCallFailureRate_SameSeed_SameCallsFail()
    {
        static async Task<List<bool>> RunAsync(int seed)
        {
            var chain = TestChain.Create(new FakeTimeProvider(), new SimulatedChainOptions { Seed = seed });
            chain.SetCallFailureRate(0.3, ChainErrorKind.Unavailable);
            var outcomes = new List<bool>();
            for (var i = 0; i < 200; i++)
            {
                try
                {
                    await chain.GetHeadAsync();
                    outcomes.Add(true);
                }
                catch (ChainClientException e) when (e.Kind == ChainErrorKind.Unavailable)
                {
                    outcomes.Add(false);
                }
            }

            return outcomes;
        }

        var sut = await RunAsync(7);

        Assert.Equal(sut, await RunAsync(7));
        Assert.NotEqual(sut, await RunAsync(8));
        Assert.InRange(sut.Count(ok => !ok), 30, 90);
    }

    [Fact]
    public async Task SetLatency_Armed_CallCompletesOnlyWhenClockPassesIt()
    {
        var sut = TestChain.Create(_time);
        sut.SetLatency(TimeSpan.FromMilliseconds(2500));

        var call = sut.GetHeadAsync();
        _time.Advance(TimeSpan.FromMilliseconds(2499));
        var earlyDone = call.IsCompleted;
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var head = await call;

        Assert.False(earlyDone);
        Assert.Equal(2UL, head.Number);
    }

    [Fact]
    public async Task ClearFaults_AfterArming_CallsSucceed()
    {
        var sut = TestChain.Create(_time);
        sut.FailNextCalls(5);
        sut.SetCallFailureRate(1.0);
        sut.SetLatency(TimeSpan.FromHours(1));

        sut.ClearFaults();

        Assert.Equal(0UL, (await sut.GetHeadAsync()).Number);
    }

    [Fact]
    public void SetCallFailureRate_OutOfRange_Throws()
    {
        var sut = TestChain.Create(_time);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.SetCallFailureRate(1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.SetCallFailureRate(double.NaN));
    }
}
