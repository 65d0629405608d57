using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientReorgTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.C;

    [Fact]
    public async Task GetMovementsAsync_DepositReorgedAway_IsUnappliedAndResubmissionResendsSameTransaction()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(9);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 777);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 777);
        var snapshot = await _chain.Rpc.SnapshotAsync();
        var sent = await sut.SubmitAsync(deposit);
        var included = await sut.GetOperationAsync(deposit.Id);
        var block = included.BlockNumber!.Value;
        var before = await sut.GetMovementsAsync(block, block);

        await _chain.Rpc.RevertAsync(snapshot);
        await _chain.Rpc.MineAsync(3);
        var after = await sut.GetMovementsAsync(block, block + 3);
        var reorged = await sut.GetOperationAsync(deposit.Id);
        var balance = await sut.GetVaultBalanceAsync("USDC", protocol);
        var resent = await sut.SubmitAsync(deposit);
        var final = await sut.SettleAsync(_chain, deposit.Id);

        Assert.Equal(OperationState.Included, included.State);
        Assert.Contains(before, m => m.OperationId == deposit.Id);
        Assert.DoesNotContain(after, m => m.OperationId == deposit.Id);
        Assert.Equal(OperationState.Unknown, reorged.State);
        Assert.Equal(UInt128.Zero, balance);
        Assert.Equal(sent.TransactionHash, resent.TransactionHash);
        Assert.False(resent.AlreadyKnown);
        Assert.Equal(OperationState.Final, final.State);
        Assert.NotEqual(included.BlockHash, final.BlockHash);
        Assert.Equal((UInt128)777, await sut.GetVaultBalanceAsync("USDC", protocol));
    }
}
