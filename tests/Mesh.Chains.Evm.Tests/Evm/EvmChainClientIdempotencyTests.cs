using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Tests.Fixtures;
using Nethereum.RPC.Eth.DTOs;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientIdempotencyTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.B;

    [Fact]
    public async Task SubmitAsync_SameOperationTwice_ReturnsFirstTransactionAndMovesOnce()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(4);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 2_000);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 1_000);

        var first = await sut.SubmitAsync(deposit);
        await sut.SettleAsync(_chain, deposit.Id);
        var second = await sut.SubmitAsync(deposit);

        Assert.False(first.AlreadyKnown);
        Assert.True(second.AlreadyKnown);
        Assert.Equal(first.TransactionHash, second.TransactionHash);
        Assert.Equal((UInt128)1_000, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task SubmitAsync_DifferentPayloadUnderUsedId_IsRefusedAsConflict()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(4);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 2_000);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 1_000);
        await sut.SubmitAsync(deposit);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => sut.SubmitAsync(deposit with { Amount = 999 }));

        Assert.Equal(ChainErrorCodes.OperationConflict, error.Code);
        Assert.Equal(ChainErrorKind.Rejected, error.Kind);
    }

    [Fact]
    public async Task SubmitAsync_UsedIdFromAnotherStore_ReturnsTheMovementOnChain()
    {
        using var first = chains.Client(_chain);
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(4);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 2_000);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 1_000);
        var sent = await first.SubmitAsync(deposit);

        var again = await sut.SubmitAsync(deposit);

        Assert.True(again.AlreadyKnown);
        Assert.Equal(sent.TransactionHash, again.TransactionHash);
        Assert.Equal((UInt128)1_000, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task Vault_SecondUseOfOperationId_RevertsWithOperationAlreadyUsed()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(4);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 2_000);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 1_000);
        await sut.SubmitAsync(deposit);
        var data = VaultAbi.Movement(OperationKind.Deposit, deposit.Id, ProtocolIds.Encode(protocol), _chain.Token("USDC"), account.Address, 1_000);

        var error = await Assert.ThrowsAsync<RpcCallException>(() =>
            _chain.Rpc.CallAsync("eth_call", new { from = chains.MeshSigner.Address, to = _chain.Definition.Contracts.Vault, data }, "latest"));

        var revert = error.Error.GetProperty("data").ValueKind == System.Text.Json.JsonValueKind.String
            ? error.Error.GetProperty("data").GetString()
            : error.Error.GetProperty("data").GetProperty("data").GetString();
        var (code, reason) = RevertDecoder.Decode(revert);
        Assert.Equal(ChainErrorCodes.OperationConflict, code);
        Assert.Contains(deposit.Id.ToString(), reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_DepositWithoutAllowance_FailsThenSucceedsUnderSameIdOnceApproved()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(5);
        var protocol = Operations.NewProtocol();
        await _chain.Deployer.MintAsync(_chain.Token("USDC"), account.Address, 500);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 500);

        var first = await sut.SubmitAsync(deposit);
        var failed = await sut.SettleAsync(_chain, deposit.Id);
        await _chain.Deployer.ApproveAsync(account, _chain.Token("USDC"), _chain.Definition.Contracts.Vault, 500);
        var second = await sut.SubmitAsync(deposit);
        var final = await sut.SettleAsync(_chain, deposit.Id);

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal(ChainErrorCodes.InsufficientAllowance, failed.FailureCode);
        Assert.Null(failed.Movement);
        Assert.False(second.AlreadyKnown);
        Assert.NotEqual(first.TransactionHash, second.TransactionHash);
        Assert.Equal(OperationState.Final, final.State);
        Assert.Equal((UInt128)500, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task GetOperationAsync_WithdrawBeyondVaultBalance_FailsWithInsufficientVaultBalance()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(5);
        var withdraw = Operations.Operation(OperationKind.Withdraw, Operations.NewProtocol(), account, "WETH", 1);

        await sut.SubmitAsync(withdraw);
        var status = await sut.SettleAsync(_chain, withdraw.Id);

        Assert.Equal(OperationState.Failed, status.State);
        Assert.Equal(ChainErrorCodes.InsufficientVaultBalance, status.FailureCode);
        Assert.Contains("takes 1", status.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetOperationAsync_NeverSubmitted_IsUnknown()
    {
        using var sut = chains.Client(_chain);

        var status = await sut.GetOperationAsync(OperationId.FromName("never/" + Guid.NewGuid()));

        Assert.Equal(OperationState.Unknown, status.State);
        Assert.Null(status.TransactionHash);
    }
}
