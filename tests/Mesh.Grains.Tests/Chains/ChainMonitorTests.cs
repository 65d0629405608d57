using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Grains.Chains;
using Mesh.Grains.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Chains;

/// <summary>The monitor against the real simulated chain, both on one fake clock: one second per block, two confirmations.</summary>
public sealed class ChainMonitorTests
{
    private static readonly ChainDefinition Chain = TestChains.Load().FindChain("local-a")!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ISimulatedChain _chain;

    public ChainMonitorTests() => _chain = SimulatedChains.Create(Chain, _time);

    private ChainMonitor Sut(ChainState? restored = null) => new(Chain, _chain, new ChainMonitorOptions(), _time, restored);

    private async Task<ChainPollOutcome> Blocks(ChainMonitor sut, int count)
    {
        ChainPollOutcome? last = null;
        for (var i = 0; i < count; i++)
        {
            _time.Advance(Chain.BlockTime);
            last = await sut.PollAsync(CancellationToken.None);
        }

        return last!;
    }

    [Fact]
    public async Task PollAsync_ChainProducesBlocks_HeadFollowsAndFinalizedTrailsByConfirmations()
    {
        var sut = Sut();
        await sut.PollAsync(CancellationToken.None);
        var first = sut.Head!.Number;

        await Blocks(sut, 10);

        var head = await _chain.GetHeadAsync();
        Assert.Equal(first + 10, sut.Head!.Number);
        Assert.Equal(head, sut.Head);
        Assert.Equal(sut.Head.Number - 2, sut.FinalizedNumber);
        Assert.Equal(ChainHealth.Healthy, sut.Health);
        Assert.Null(sut.LastError);
        Assert.Equal(0, sut.CallCounts().Failures);
    }

    [Fact]
    public async Task PollAsync_ChainHalts_LaggingThenHaltedAfterFiveBlockTimesAndHealthyOnceItResumes()
    {
        var sut = Sut();
        await Blocks(sut, 3);
        _chain.HaltBlocks();
        var halted = sut.Head!;

        var fresh = await Blocks(sut, 3);
        var beforeBound = await Blocks(sut, 1);
        var atBound = await Blocks(sut, 1);
        _chain.ResumeBlocks();
        var resumed = await Blocks(sut, 1);

        Assert.Equal(ChainHealth.Healthy, fresh.Health);
        Assert.Equal(ChainHealth.Degraded, beforeBound.Health);
        Assert.Contains("s old", beforeBound.Reason, StringComparison.Ordinal);
        Assert.Equal(ChainHealth.Halted, atBound.Health);
        Assert.True(atBound.HealthChanged);
        Assert.Equal(ChainHealth.Healthy, resumed.Health);
        Assert.Equal(halted.Number + 1, sut.Head!.Number);
    }

    [Fact]
    public async Task PollAsync_InjectedTimeouts_DegradedWithTheCodeAndCountsThenRecovers()
    {
        var sut = Sut();
        await Blocks(sut, 2);
        _chain.FailNextCalls(2, ChainErrorKind.Timeout);

        var failed = await Blocks(sut, 2);
        var (_, failures) = sut.CallCounts();
        var firstGood = await Blocks(sut, 1);
        var recovered = await Blocks(sut, 2);

        Assert.Equal(ChainHealth.Degraded, failed.Health);
        Assert.Equal(ChainErrorCodes.Timeout, failed.Failure!.Code);
        Assert.Equal(ChainErrorCodes.Timeout, sut.LastError!.Code);
        Assert.Equal(2, failures);
        Assert.Equal(ChainHealth.Degraded, firstGood.Health);
        Assert.Equal(ChainHealth.Healthy, recovered.Health);
        Assert.Equal(ChainHealth.Degraded, recovered.Previous);
    }

    [Fact]
    public async Task CallCounts_AfterTheWindow_ForgetOldFailures()
    {
        var sut = Sut();
        _chain.FailNextCalls(1);
        await sut.PollAsync(CancellationToken.None);
        Assert.Equal(1, sut.CallCounts().Failures);

        _time.Advance(new ChainMonitorOptions().RpcWindow + TimeSpan.FromSeconds(1));

        Assert.Equal((0, 0), sut.CallCounts());
    }

    [Fact]
    public async Task PollAsync_ThreeFailedPollsInARow_UnreachableUntilItAnswersAgain()
    {
        var sut = Sut();
        await Blocks(sut, 2);
        _chain.FailNextCalls(3, ChainErrorKind.Unavailable);

        var two = await Blocks(sut, 2);
        var three = await Blocks(sut, 1);
        var back = await Blocks(sut, 1);
        var healthy = await Blocks(sut, 2);

        Assert.Equal(ChainHealth.Degraded, two.Health);
        Assert.Equal(ChainHealth.Unreachable, three.Health);
        Assert.Equal(ChainHealth.Degraded, back.Health);
        Assert.Equal(ChainHealth.Healthy, healthy.Health);
    }

    [Fact]
    public async Task PollAsync_FirstPollFails_UnreachableWithoutAHead()
    {
        var sut = Sut();
        _chain.FailNextCalls(1);

        var outcome = await sut.PollAsync(CancellationToken.None);

        Assert.Equal(ChainHealth.Unreachable, outcome.Health);
        Assert.Null(sut.Head);
        Assert.Equal(ChainErrorCodes.Unavailable, sut.LastError!.Code);
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task PollAsync_Reorganisation_RecordedWithItsDepth(int depth, bool breaksFinality)
    {
        var sut = Sut();
        await Blocks(sut, 6);
        var before = sut.Head!;
        _chain.Reorg(depth);

        var outcome = await sut.PollAsync(CancellationToken.None);

        Assert.Equal(before.Number, sut.Head!.Number);
        Assert.NotEqual(before.Hash, sut.Head.Hash);
        Assert.Equal(depth, outcome.Reorg!.Depth);
        Assert.Equal(breaksFinality, outcome.Reorg.FinalityBroken);
        Assert.Equal(1, sut.Reorgs);
        Assert.Equal(depth, sut.LastReorgDepth);
        Assert.Equal(ChainHealth.Healthy, outcome.Health);
    }

    [Fact]
    public async Task PollAsync_ReorganisationWhileNewBlocksCame_DepthCountsTheReplacedBlocksSeen()
    {
        var sut = Sut();
        await Blocks(sut, 6);
        var before = sut.Head!;
        _chain.Reorg(2);

        var outcome = await Blocks(sut, 3);

        Assert.Equal(before.Number + 3, sut.Head!.Number);
        Assert.Equal(2, sut.LastReorgDepth);
        Assert.Equal(1, sut.Reorgs);
        Assert.Null(outcome.Reorg);
    }

    [Fact]
    public async Task PollAsync_AfterRestartOnAHaltedChain_StaysHalted()
    {
        var first = Sut();
        await Blocks(first, 3);
        _chain.HaltBlocks();
        await Blocks(first, 6);
        Assert.Equal(ChainHealth.Halted, first.Health);

        var sut = Sut(first.ToState());
        var outcome = await sut.PollAsync(CancellationToken.None);

        Assert.Equal(ChainHealth.Halted, outcome.Health);
        Assert.Equal(first.Head, sut.Head);
    }

    [Fact]
    public async Task ToState_AfterAReorganisation_KeepsTheRecordAcrossRestarts()
    {
        var first = Sut();
        await Blocks(first, 5);
        _chain.Reorg(2);
        await first.PollAsync(CancellationToken.None);

        var sut = Sut(first.ToState());

        Assert.Equal(1, sut.Reorgs);
        Assert.Equal(2, sut.LastReorgDepth);
        Assert.Equal(_time.GetUtcNow(), sut.LastReorgAt);
    }

    [Fact]
    public async Task PollAsync_DepositsIncluded_InventoryIsTheVaultContractBalance()
    {
        const string Account = "0x00000000000000000000000000000000000000e1";
        var sut = Sut();
        await sut.PollAsync(CancellationToken.None);
        _chain.Fund(Account, "USDC", 5_000_000);
        _chain.Fund(Account, "WETH", 3);
        await _chain.SubmitAsync(new ChainOperation(OperationId.FromName("a"), OperationKind.Deposit, "p", Account, "USDC", 4_000_000));
        await _chain.SubmitAsync(new ChainOperation(OperationId.FromName("b"), OperationKind.Deposit, "q", Account, "WETH", 2));

        await Blocks(sut, 1);

        var lines = sut.Inventory!.Lines.ToDictionary(l => l.Asset, l => l.Amount);
        Assert.Equal((UInt128)4_000_000, lines["USDC"]);
        Assert.Equal((UInt128)2, lines["WETH"]);
        Assert.Equal(Chain.Contracts.Vault, sut.Inventory.VaultContract);
        Assert.Equal(sut.Head!.Number, sut.Inventory.Block);
    }
}
