using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainReorgTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Reorg_IncludedOperation_RegressesToPendingThenReincludedExactlyOnce()
    {
        var sut = TestChain.Create(_time, confirmations: 3);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("d", 400);
        await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(2);
        var before = await sut.GetOperationAsync(deposit.Id);
        var oldHead = await sut.GetHeadAsync();

        var affected = sut.Reorg(2);
        var afterReorg = await sut.GetOperationAsync(deposit.Id);
        var newHead = await sut.GetHeadAsync();
        var eventsAfterReorg = await sut.GetMovementsAsync(0, 10);
        var vaultAfterReorg = await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol);
        _time.AdvanceBlocks(1);
        var reincluded = await sut.GetOperationAsync(deposit.Id);
        _time.AdvanceBlocks(5);

        Assert.Equal([deposit.Id], affected);
        Assert.Equal((OperationState.Included, 1UL), (before.State, before.BlockNumber!.Value));
        Assert.Equal(OperationState.Pending, afterReorg.State);
        Assert.Equal(before.TransactionHash, afterReorg.TransactionHash);
        Assert.Equal(oldHead.Number, newHead.Number);
        Assert.NotEqual(oldHead.Hash, newHead.Hash);
        Assert.Empty(eventsAfterReorg);
        Assert.Equal(UInt128.Zero, vaultAfterReorg);
        Assert.Equal(OperationState.Included, reincluded.State);
        Assert.Equal(3UL, reincluded.BlockNumber);
        Assert.Equal(OperationState.Final, (await sut.GetOperationAsync(deposit.Id)).State);
        var events = await sut.GetMovementsAsync(0, 100);
        Assert.Equal([3UL], events.Select(e => e.BlockNumber));
        Assert.Equal((UInt128)400, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal((UInt128)600, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
    }

    [Fact]
    public async Task Reorg_ReplacedBlocks_KeepTimestampsAndFormAChain()
    {
        var sut = TestChain.Create(_time);
        _time.AdvanceBlocks(4);
        var oldBlocks = new List<BlockHeader>();
        for (ulong n = 0; n <= 4; n++)
        {
            oldBlocks.Add((await sut.GetBlockAsync(n))!);
        }

        sut.Reorg(2);

        for (ulong n = 1; n <= 4; n++)
        {
            var block = (await sut.GetBlockAsync(n))!;
            Assert.Equal(oldBlocks[(int)n].Timestamp, block.Timestamp);
            Assert.Equal((await sut.GetBlockAsync(n - 1))!.Hash, block.ParentHash);
            Assert.Equal(n <= 2, block.Hash == oldBlocks[(int)n].Hash);
        }
    }

    [Fact]
    public async Task Reorg_Drop_OperationUnknownAndResubmissionMovesOnce()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("d", 400);
        var first = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(1);

        sut.Reorg(1, ReorgMode.Drop);
        var dropped = await sut.GetOperationAsync(deposit.Id);
        _time.AdvanceBlocks(3);
        var stillUnknown = await sut.GetOperationAsync(deposit.Id);
        var second = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);

        Assert.Equal(OperationState.Unknown, dropped.State);
        Assert.Equal(OperationState.Unknown, stillUnknown.State);
        Assert.False(second.AlreadyKnown);
        Assert.NotEqual(first.TransactionHash, second.TransactionHash);
        Assert.Equal(OperationState.Final, (await sut.GetOperationAsync(deposit.Id)).State);
        Assert.Single(await sut.GetMovementsAsync(0, 100));
        Assert.Equal((UInt128)400, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Fact]
    public async Task Reorg_SpendThenDepositInRemovedBlocks_LedgerRestoredInOrder()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 100);
        await sut.SubmitAsync(TestChain.Deposit("d1", 100));
        _time.AdvanceBlocks(1);
        await sut.SubmitAsync(TestChain.Operation("w1", OperationKind.Withdraw, 60));
        _time.AdvanceBlocks(1);
        await sut.SubmitAsync(TestChain.Deposit("d2", 60));
        _time.AdvanceBlocks(1);

        var affected = sut.Reorg(3);
        var vault = await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol);
        var alice = await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice);
        _time.AdvanceBlocks(1);

        Assert.Equal(["d1", "w1", "d2"], affected.Select(id => id == OperationId.FromName("d1") ? "d1" : id == OperationId.FromName("w1") ? "w1" : "d2"));
        Assert.Equal(UInt128.Zero, vault);
        Assert.Equal((UInt128)100, alice);
        Assert.Equal((UInt128)100, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal(3, (await sut.GetMovementsAsync(0, 100)).Count);
    }

    [Fact]
    public void Reorg_DeeperThanChain_Throws()
    {
        var sut = TestChain.Create(_time);
        _time.AdvanceBlocks(2);

        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Reorg(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => sut.Reorg(0));
    }
}
