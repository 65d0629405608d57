using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Evm;
using Mesh.Grains.Chains;

namespace Mesh.Grains.Tests.Chains;

/// <summary>The event index and the reconciliation against a real Hardhat node: a deposit seen tentative, then reorganised away with <c>evm_snapshot</c>/<c>evm_revert</c>.</summary>
public sealed class ChainIndexerEvmTests(HardhatChain chain) : IClassFixture<HardhatChain>
{
    private readonly ChainIndexer _sut = new(chain.Definition, chain.Client, new ChainMonitorOptions());

    private ChainReconciler Reconciler => new(chain.Definition, chain.Client, TimeProvider.System);

    private async Task<ChainIndexStep> Step()
    {
        var head = await chain.Client.GetHeadAsync();
        var finalized = await chain.Client.GetFinalizedHeadAsync();
        return await _sut.AdvanceAsync(head, finalized.Number, CancellationToken.None);
    }

    [Fact]
    public async Task AdvanceAsync_DepositRevertedAwayOnHardhat_IsUnappliedAndTheReconciliationIsExactAgain()
    {
        var account = EvmDevelopmentKeys.HardhatAccount(3);
        var usdc = chain.Definition.FindToken("USDC")!.Address;
        await chain.Admin.MintAsync(usdc, account.Address, 777);
        await chain.Admin.ApproveAsync(account, usdc, chain.Definition.Contracts.Vault, 777);
        var before = await Reconciler.RunAsync(_sut, _sut.AdvanceAsync, CancellationToken.None);
        var snapshot = (await chain.ControlAsync("evm_snapshot")).GetString()!;
        var deposit = new ChainOperation(OperationId.FromName("index-reorg"), OperationKind.Deposit, "idx-evm", account.Address, "USDC", 777);
        await chain.Client.SubmitAsync(deposit);
        var included = await chain.Client.GetOperationAsync(deposit.Id);

        var seen = await Step();
        var tentative = _sut.Lines().Single(l => l.ProtocolId == "idx-evm");
        var withDeposit = await Reconciler.RunAsync(_sut, _sut.AdvanceAsync, CancellationToken.None);
        Assert.True((await chain.ControlAsync("evm_revert", snapshot)).GetBoolean());
        await chain.ControlAsync("hardhat_mine", "0x3");
        var reorged = await Step();
        var after = await Reconciler.RunAsync(_sut, _sut.AdvanceAsync, CancellationToken.None);

        Assert.Equal(ReconciliationStatus.Reconciled, before.Status);
        Assert.Equal(OperationState.Included, included.State);
        Assert.Equal(1, seen.Tentative);
        Assert.Equal((UInt128.Zero, (UInt128)777), (tentative.Final, tentative.TentativeIn));
        Assert.Equal(ReconciliationStatus.Reconciled, withDeposit.Status);
        Assert.Equal((UInt128)777, withDeposit.Tokens.Single(t => t.Asset == "USDC").OnChain);
        Assert.Equal((UInt128)777, withDeposit.Protocols.Single().TentativeIn);
        Assert.NotNull(reorged.Reorg);
        Assert.Equal(1, reorged.Unapplied);
        Assert.True(after.Block > included.BlockNumber, $"head {after.Block}, deposit block {included.BlockNumber}");
        Assert.DoesNotContain(_sut.Lines(), l => l.ProtocolId == "idx-evm" && (l.Final + l.TentativeIn) > UInt128.Zero);
        Assert.Equal(ReconciliationStatus.Reconciled, after.Status);
        var line = after.Tokens.Single(t => t.Asset == "USDC");
        Assert.Equal((UInt128.Zero, UInt128.Zero, UInt128.Zero, "0"), (line.OnChain, line.IndexedFinal, line.TentativeIn, line.Difference));
        Assert.Equal(1, _sut.Unapplied);
        Assert.Equal(OperationState.Unknown, (await chain.Client.GetOperationAsync(deposit.Id)).State);
    }
}
