using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientMovementTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.A;

    [Fact]
    public async Task SubmitAsync_DepositThenWithdraw_MovesExactAmountsAndEmitsDecodedEvents()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(2);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 1_000_000);
        var before = await sut.GetBalanceAsync("USDC", account.Address);
        var vaultBefore = await sut.GetBalanceAsync("USDC", _chain.Definition.Contracts.Vault);

        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 750_000);
        var submitted = await sut.SubmitAsync(deposit);
        var depositStatus = await sut.SettleAsync(_chain, deposit.Id);
        var withdraw = Operations.Operation(OperationKind.Withdraw, protocol, account, "USDC", 250_001);
        await sut.SubmitAsync(withdraw);
        var withdrawStatus = await sut.SettleAsync(_chain, withdraw.Id);

        Assert.False(submitted.AlreadyKnown);
        Assert.Equal(OperationState.Final, depositStatus.State);
        Assert.Equal(submitted.TransactionHash, depositStatus.TransactionHash);
        Assert.True(depositStatus.Confirmations >= LocalChains.Confirmations);
        Assert.Equal(OperationState.Final, withdrawStatus.State);
        Assert.Equal(before - 750_000 + 250_001, await sut.GetBalanceAsync("USDC", account.Address));
        Assert.Equal(vaultBefore + 750_000 - 250_001, await sut.GetBalanceAsync("USDC", _chain.Definition.Contracts.Vault));
        Assert.Equal((UInt128)499_999, await sut.GetVaultBalanceAsync("USDC", protocol));

        var movements = await sut.GetMovementsAsync(depositStatus.BlockNumber!.Value, withdrawStatus.BlockNumber!.Value);
        var mine = movements.Where(m => m.ProtocolId == protocol).ToList();
        Assert.Equal(2, mine.Count);
        var d = mine[0];
        Assert.Equal((deposit.Id, OperationKind.Deposit, "USDC", (UInt128)750_000), (d.OperationId, d.Kind, d.Token, d.Amount));
        Assert.Equal((account.Address, _chain.Definition.Contracts.Vault), (d.From, d.To));
        Assert.Equal(_chain.Definition.Name, d.ChainName);
        Assert.Equal(depositStatus.BlockHash, d.BlockHash);
        Assert.Equal(depositStatus.Movement, d);
        var w = mine[1];
        Assert.Equal((withdraw.Id, OperationKind.Withdraw, (UInt128)250_001), (w.OperationId, w.Kind, w.Amount));
        Assert.Equal((_chain.Definition.Contracts.Vault, account.Address), (w.From, w.To));
    }

    [Fact]
    public async Task SubmitAsync_LockOnSourceReleaseOnDestination_MovesThroughBridgeEscrows()
    {
        var destination = chains.B;
        using var source = chains.Client(_chain);
        using var sut = chains.Client(destination);
        var account = EvmDevelopmentKeys.HardhatAccount(3);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "WETH", 5_000_000_000_000_000_000);
        await destination.FundBridgeAsync("WETH", 3_000_000_000_000_000_000);
        var sourceBridge = await source.GetBalanceAsync("WETH", _chain.Definition.Contracts.Bridge);
        var destinationBridge = await sut.GetBalanceAsync("WETH", destination.Definition.Contracts.Bridge);

        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "WETH", 5_000_000_000_000_000_000);
        await source.SubmitAsync(deposit);
        await source.SettleAsync(_chain, deposit.Id);
        var lockOp = Operations.Operation(OperationKind.Lock, protocol, account, "WETH", 2_000_000_000_000_000_001);
        await source.SubmitAsync(lockOp);
        var locked = await source.SettleAsync(_chain, lockOp.Id);
        var release = Operations.Operation(OperationKind.Release, protocol, account, "WETH", 2_000_000_000_000_000_001);
        await sut.SubmitAsync(release);
        var released = await sut.SettleAsync(destination, release.Id);

        Assert.Equal(OperationState.Final, locked.State);
        Assert.Equal((_chain.Definition.Contracts.Vault, _chain.Definition.Contracts.Bridge), (locked.Movement!.From, locked.Movement.To));
        Assert.Equal(OperationState.Final, released.State);
        Assert.Equal((destination.Definition.Contracts.Bridge, destination.Definition.Contracts.Vault), (released.Movement!.From, released.Movement.To));
        Assert.Equal(OperationKind.Release, released.Movement.Kind);
        Assert.Equal(protocol, released.Movement.ProtocolId);
        Assert.Equal((UInt128)2_999_999_999_999_999_999, await source.GetVaultBalanceAsync("WETH", protocol));
        Assert.Equal((UInt128)2_000_000_000_000_000_001, await sut.GetVaultBalanceAsync("WETH", protocol));
        Assert.Equal(sourceBridge + 2_000_000_000_000_000_001, await source.GetBalanceAsync("WETH", _chain.Definition.Contracts.Bridge));
        Assert.Equal(destinationBridge - 2_000_000_000_000_000_001, await sut.GetBalanceAsync("WETH", destination.Definition.Contracts.Bridge));
    }
}
