using Mesh.Chains.Clients;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainIdempotencyTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task SubmitAsync_SameOperationAgain_SameTransactionAndOneMovement()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("deposit/1", 700);

        var first = await sut.SubmitAsync(deposit);
        var whilePending = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(1);
        var whileIncluded = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);
        var afterFinal = await sut.SubmitAsync(deposit with { Account = TestChain.Alice.ToUpperInvariant().Replace("0X", "0x") });
        _time.AdvanceBlocks(3);

        Assert.False(first.AlreadyKnown);
        Assert.All([whilePending, whileIncluded, afterFinal], s => Assert.True(s.AlreadyKnown));
        Assert.All([whilePending, whileIncluded, afterFinal], s => Assert.Equal(first.TransactionHash, s.TransactionHash));
        Assert.Single(await sut.GetMovementsAsync(0, 100));
        Assert.Equal((UInt128)300, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
        Assert.Equal((UInt128)700, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Theory]
    [InlineData("amount")]
    [InlineData("kind")]
    [InlineData("protocol")]
    [InlineData("account")]
    [InlineData("token")]
    public async Task SubmitAsync_DifferentPayloadSameId_RejectedWithConflict(string changed)
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("deposit/1", 700);
        var first = await sut.SubmitAsync(deposit);
        var other = changed switch
        {
            "amount" => deposit with { Amount = 701 },
            "kind" => deposit with { Kind = OperationKind.Withdraw },
            "protocol" => deposit with { ProtocolId = "perp-dex" },
            "account" => deposit with { Account = TestChain.Bob },
            _ => deposit with { Token = TestChain.Weth },
        };

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(other));
        _time.AdvanceBlocks(3);

        Assert.Equal(ChainErrorKind.Rejected, error.Kind);
        Assert.Equal(ChainErrorCodes.OperationConflict, error.Code);
        Assert.False(error.IsTransient);
        var status = await sut.GetOperationAsync(deposit.Id);
        Assert.Equal(first.TransactionHash, status.TransactionHash);
        Assert.Equal((UInt128)700, status.Movement!.Amount);
        Assert.Single(await sut.GetMovementsAsync(0, 100));
    }

    [Fact]
    public async Task SubmitAsync_TimeoutAppliedThenRetried_OneTransactionOneMovement()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("deposit/1", 250);
        sut.FailNextCalls(1, ChainErrorKind.Timeout);

        var timeout = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(deposit));
        var retry = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);

        Assert.Equal(ChainErrorKind.Timeout, timeout.Kind);
        Assert.True(timeout.IsTransient);
        Assert.True(retry.AlreadyKnown);
        Assert.Equal(OperationState.Final, (await sut.GetOperationAsync(deposit.Id)).State);
        Assert.Equal((UInt128)250, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Fact]
    public async Task SubmitAsync_AfterFinalFailure_NewTransactionThatCanSucceed()
    {
        var sut = TestChain.Create(_time);
        var deposit = TestChain.Deposit("deposit/1", 500);
        var first = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);
        Assert.Equal(OperationState.Failed, (await sut.GetOperationAsync(deposit.Id)).State);

        sut.Fund(TestChain.Alice, TestChain.Usdc, 500);
        var second = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);

        Assert.False(second.AlreadyKnown);
        Assert.NotEqual(first.TransactionHash, second.TransactionHash);
        var status = await sut.GetOperationAsync(deposit.Id);
        Assert.Equal(OperationState.Final, status.State);
        Assert.Equal(second.TransactionHash, status.TransactionHash);
        Assert.Equal((UInt128)500, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Fact]
    public async Task SubmitAsync_RevertedButNotFinal_SameTransactionReturned()
    {
        var sut = TestChain.Create(_time);
        var deposit = TestChain.Deposit("deposit/1", 500);
        var first = await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(1);

        var status = await sut.GetOperationAsync(deposit.Id);
        var again = await sut.SubmitAsync(deposit);

        Assert.Equal(OperationState.Included, status.State);
        Assert.Equal(ChainErrorCodes.InsufficientBalance, status.FailureCode);
        Assert.True(again.AlreadyKnown);
        Assert.Equal(first.TransactionHash, again.TransactionHash);
    }
}
