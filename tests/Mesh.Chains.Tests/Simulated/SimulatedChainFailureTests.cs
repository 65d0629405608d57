using Mesh.Chains.Clients;
using Mesh.Chains.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Chains.Tests.Simulated;

public sealed class SimulatedChainFailureTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task SubmitAsync_DepositAboveBalance_FailedWithReasonAndNoMovement()
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 99);
        var deposit = TestChain.Deposit("deposit/1", 100);

        await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);
        var status = await sut.GetOperationAsync(deposit.Id);

        Assert.Equal(OperationState.Failed, status.State);
        Assert.True(status.IsSettled);
        Assert.Equal(ChainErrorCodes.InsufficientBalance, status.FailureCode);
        Assert.Contains("99", status.FailureReason, StringComparison.Ordinal);
        Assert.Null(status.Movement);
        Assert.Equal(1UL, status.BlockNumber);
        Assert.Empty(await sut.GetMovementsAsync(0, 10));
        Assert.Equal((UInt128)99, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Alice));
        Assert.Equal(UInt128.Zero, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Theory]
    [InlineData(OperationKind.Withdraw, ChainErrorCodes.InsufficientVaultBalance)]
    [InlineData(OperationKind.Lock, ChainErrorCodes.InsufficientVaultBalance)]
    [InlineData(OperationKind.Release, ChainErrorCodes.InsufficientBridgeLiquidity)]
    public async Task SubmitAsync_TakesMoreThanHeld_FailedWithCode(OperationKind kind, string code)
    {
        var sut = TestChain.Create(_time);
        sut.Fund(TestChain.Alice, TestChain.Usdc, 10);
        sut.Fund(TestChain.Bridge, TestChain.Usdc, 10);
        await sut.SubmitAsync(TestChain.Deposit("deposit", 10));
        var operation = TestChain.Operation("take", kind, 11);

        await sut.SubmitAsync(operation);
        _time.AdvanceBlocks(3);

        var status = await sut.GetOperationAsync(operation.Id);
        Assert.Equal(OperationState.Failed, status.State);
        Assert.Equal(code, status.FailureCode);
        Assert.Equal((UInt128)10, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
        Assert.Equal((UInt128)10, await sut.GetBalanceAsync(TestChain.Usdc, TestChain.Bridge));
    }

    [Fact]
    public async Task SubmitAsync_RequireAllowanceAndNoApproval_FailedUntilApproved()
    {
        var sut = TestChain.Create(_time, new SimulatedChainOptions { RequireAllowance = true });
        sut.Fund(TestChain.Alice, TestChain.Usdc, 1_000);
        var deposit = TestChain.Deposit("deposit/1", 600);
        await sut.SubmitAsync(deposit);
        _time.AdvanceBlocks(3);
        var refused = await sut.GetOperationAsync(deposit.Id);

        sut.Approve(TestChain.Alice, TestChain.Usdc, 600);
        await sut.SubmitAsync(deposit);
        var second = TestChain.Deposit("deposit/2", 1);
        await sut.SubmitAsync(second);
        _time.AdvanceBlocks(3);

        Assert.Equal(ChainErrorCodes.InsufficientAllowance, refused.FailureCode);
        Assert.Equal(OperationState.Final, (await sut.GetOperationAsync(deposit.Id)).State);
        Assert.Equal(ChainErrorCodes.InsufficientAllowance, (await sut.GetOperationAsync(second.Id)).FailureCode);
        Assert.Equal((UInt128)600, await sut.GetVaultBalanceAsync(TestChain.Usdc, TestChain.Protocol));
    }

    [Fact]
    public async Task SubmitAsync_ZeroAmount_RejectedInvalidOperation()
    {
        var sut = TestChain.Create(_time);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(TestChain.Deposit("d", 0)));

        Assert.Equal(ChainErrorCodes.InvalidOperation, error.Code);
        Assert.Equal(ChainErrorKind.Rejected, error.Kind);
    }

    [Fact]
    public async Task SubmitAsync_MalformedAccount_RejectedInvalidOperation()
    {
        var sut = TestChain.Create(_time);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(TestChain.Deposit("d", 1, account: "0x1234")));

        Assert.Equal(ChainErrorCodes.InvalidOperation, error.Code);
    }

    [Fact]
    public async Task SubmitAsync_UnknownToken_RejectedNamingTheChainsTokens()
    {
        var sut = TestChain.Create(_time);

        var error = await Assert.ThrowsAsync<ChainClientException>(
            () => sut.SubmitAsync(TestChain.Operation("d", OperationKind.Deposit, 1, token: "DAI")));

        Assert.Equal(ChainErrorCodes.UnknownToken, error.Code);
        Assert.Contains("USDC, WETH", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, sut.PendingCount);
    }
}
