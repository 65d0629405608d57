using Mesh.Chains.Clients;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainLifecycleTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task GetHeadAsync_ClockAdvances_OneBlockPerBlockTimeAtScheduledTimestamps()
    {
        var start = _time.GetUtcNow();
        var sut = TestChain.Create(_time);
        var genesis = await sut.GetHeadAsync();

        _time.Advance(TimeSpan.FromMilliseconds(3500));
        var head = await sut.GetHeadAsync();

        Assert.Equal(0UL, genesis.Number);
        Assert.Equal(3UL, head.Number);
        Assert.Equal(start + TimeSpan.FromSeconds(3), head.Timestamp);
        var parent = await sut.GetBlockAsync(2);
        Assert.Equal(parent!.Hash, head.ParentHash);
        Assert.Null(await sut.GetBlockAsync(4));
    }

    [Fact]
    public async Task GetFinalizedHeadAsync_ConfirmationsBehindHead_GenesisUntilChainIsLongEnough()
    {
        var sut = TestChain.Create(_time, confirmations: 2);

        _time.AdvanceBlocks(1);
        var early = await sut.GetFinalizedHeadAsync();
        _time.AdvanceBlocks(4);
        var later = await sut.GetFinalizedHeadAsync();

        Assert.Equal(0UL, early.Number);
        Assert.Equal(3UL, later.Number);
    }

    [Fact]
    public async Task SubmitAsync_Deposit_PendingThenIncludedThenFinalAfterConfirmations()
    {
        var sut = TestChain.Create(_time, confirmations: 2);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000_000);
        var deposit = TestChain.Deposit("deposit/1", 400_000);

        var submission = await sut.SubmitAsync(deposit);
        var pending = await sut.GetOperationAsync(deposit.Id);
        var vaultWhilePending = await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol);
        _time.AdvanceBlocks(1);
        var included = await sut.GetOperationAsync(deposit.Id);
        _time.AdvanceBlocks(1);
        var oneConfirmation = await sut.GetOperationAsync(deposit.Id);
        _time.AdvanceBlocks(1);
        var final = await sut.GetOperationAsync(deposit.Id);

        Assert.False(submission.AlreadyKnown);
        Assert.Equal(OperationState.Pending, pending.State);
        Assert.Equal(submission.TransactionHash, pending.TransactionHash);
        Assert.Equal(UInt128.Zero, vaultWhilePending);
        Assert.Equal(OperationState.Included, included.State);
        Assert.Equal(1UL, included.BlockNumber);
        Assert.Equal(0UL, included.Confirmations);
        Assert.Equal(OperationState.Included, oneConfirmation.State);
        Assert.Equal(OperationState.Final, final.State);
        Assert.True(final.IsSettled);
        Assert.Equal(2UL, final.Confirmations);
        Assert.Equal(new MovementEvent(
            "sim-a", deposit.Id, OperationKind.Deposit, TestChain.Protocol, TestChain.Alice, TestChain.Usdc, 400_000,
            TestChain.Alice, TestChain.Vault, 1, included.BlockHash!.Value, submission.TransactionHash, 0), final.Movement);
        Assert.Equal((UInt128)600_000, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
        Assert.Equal((UInt128)400_000, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal((UInt128)400_000, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Vault));
    }

    [Fact]
    public async Task SubmitAsync_DepositWithdrawLockRelease_MoveBetweenAccountVaultAndBridge()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        sut.Fund(TestChain.Bridge, TestChain.Usdc, 50);
        await sut.SubmitAsync(TestChain.Deposit("d", 1_000));
        _time.AdvanceBlocks(1);

        await sut.SubmitAsync(TestChain.Operation("w", OperationKind.Withdraw, 100));
        await sut.SubmitAsync(TestChain.Operation("l", OperationKind.Lock, 300));
        await sut.SubmitAsync(TestChain.Operation("r", OperationKind.Release, 340));
        _time.AdvanceBlocks(1);

        var ct = CancellationToken.None;
        Assert.Equal((UInt128)100, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice, ct));
        Assert.Equal((UInt128)(1_000 - 100 - 300 + 340), await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol, ct));
        Assert.Equal((UInt128)(50 + 300 - 340), await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Bridge, ct));
        var events = await sut.GetMovementsAsync(2, 2, ct);
        Assert.Equal([OperationKind.Withdraw, OperationKind.Lock, OperationKind.Release], events.Select(e => e.Kind));
        Assert.Equal([0, 1, 2], events.Select(e => e.LogIndex));
        Assert.Equal((TestChain.Bridge, TestChain.Vault), (events[2].From, events[2].To));
    }

    [Fact]
    public async Task GetMovementsAsync_Range_ReturnsOnlyEventsOfThoseBlocksInOrder()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        for (var i = 1; i <= 4; i++)
        {
            await sut.SubmitAsync(TestChain.Deposit($"d{i}", (UInt128)i));
            _time.AdvanceBlocks(1);
        }

        var middle = await sut.GetMovementsAsync(2, 3);
        var beyondHead = await sut.GetMovementsAsync(4, 1_000);

        Assert.Equal([(2UL, (UInt128)2), (3UL, (UInt128)3)], middle.Select(e => (e.BlockNumber, e.Amount)));
        Assert.Equal([4UL], beyondHead.Select(e => e.BlockNumber));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => sut.GetMovementsAsync(3, 2));
    }

    [Fact]
    public async Task GetOperationAsync_NeverSubmitted_Unknown()
    {
        var sut = TestChain.Create(_time);

        var status = await sut.GetOperationAsync(OperationId.FromName("nothing"));

        Assert.Equal(OperationState.Unknown, status.State);
        Assert.Null(status.TransactionHash);
    }

    [Fact]
    public async Task SubmitAsync_MaxOperationsPerBlock_RestWaitForLaterBlocks()
    {
        var sut = TestChain.Create(_time, new Mesh.Chains.Simulated.SimulatedChainOptions { MaxOperationsPerBlock = 2 });
        sut.Fund(TestChain.Alice, TestChain.Usdc, 100);
        for (var i = 0; i < 5; i++)
        {
            await sut.SubmitAsync(TestChain.Deposit($"d{i}", 1));
        }

        _time.AdvanceBlocks(1);

        Assert.Equal(3, sut.PendingCount);
        _time.AdvanceBlocks(2);
        Assert.Equal(0, sut.PendingCount);
        var blocks = (await sut.GetMovementsAsync(1, 3)).GroupBy(e => e.BlockNumber).Select(g => g.Count());
        Assert.Equal([2, 2, 1], blocks);
    }
}
