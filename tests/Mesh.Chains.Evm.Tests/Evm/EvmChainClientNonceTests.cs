using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Signing;
using Mesh.Chains.Evm.Tests.Fixtures;

namespace Mesh.Chains.Evm.Tests.Evm;

[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientNonceTests(LocalChains chains)
{
    private readonly LocalChain _chain = chains.C;

    [Fact]
    public async Task SubmitAsync_AfterRestartWithSameStore_ReturnsSameTransaction()
    {
        var store = chains.NewStorePath();
        var account = EvmDevelopmentKeys.HardhatAccount(6);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 10);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 10);
        OperationSubmission first;
        using (var before = chains.Client(_chain, chains.Options(store)))
        {
            first = await before.SubmitAsync(deposit);
        }

        using var sut = chains.Client(_chain, chains.Options(store));
        var again = await sut.SubmitAsync(deposit);
        var status = await sut.SettleAsync(_chain, deposit.Id);

        Assert.True(again.AlreadyKnown);
        Assert.Equal(first.TransactionHash, again.TransactionHash);
        Assert.Equal(first.TransactionHash, status.TransactionHash);
        Assert.Equal((UInt128)10, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task SubmitAsync_CrashAfterStoringBeforeSending_ResendsSameNonceAndHash()
    {
        var store = chains.NewStorePath();
        var account = EvmDevelopmentKeys.HardhatAccount(6);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 25);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 25);
        var nonce = Convert.ToUInt64((await _chain.Rpc.CallAsync("eth_getTransactionCount", chains.MeshSigner.Address, "pending")).GetString(), 16);
        var written = WriteAsIfCrashedBeforeSend(store, deposit, protocol, nonce);

        using var sut = chains.Client(_chain, chains.Options(store));
        var submitted = await sut.SubmitAsync(deposit);
        var status = await sut.SettleAsync(_chain, deposit.Id);
        var sent = await _chain.Rpc.CallAsync("eth_getTransactionByHash", submitted.TransactionHash.ToString());

        Assert.Equal(written, submitted.TransactionHash);
        Assert.False(submitted.AlreadyKnown);
        Assert.Equal(OperationState.Final, status.State);
        Assert.Equal(nonce, Convert.ToUInt64(sent.GetProperty("nonce").GetString(), 16));
        Assert.Equal((UInt128)25, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentFromOneKey_AllSettleWithDistinctNonces()
    {
        using var sut = chains.Client(_chain);
        var account = EvmDevelopmentKeys.HardhatAccount(7);
        var protocol = Operations.NewProtocol();
        const int Count = 30;
        await _chain.FundAsync(account, "WETH", Count * 1_000);
        var operations = Enumerable.Range(1, Count)
            .Select(i => Operations.Operation(OperationKind.Deposit, protocol, account, "WETH", (UInt128)(1_000 + (i % 2 == 0 ? 1 : -1))))
            .ToList();

        var submissions = await Task.WhenAll(operations.Select(o => Task.Run(() => sut.SubmitAsync(o))));
        await _chain.Rpc.MineAsync(LocalChains.Confirmations);
        var statuses = await Task.WhenAll(operations.Select(o => sut.SettleAsync(_chain, o.Id)));
        var nonces = await Task.WhenAll(submissions.Select(async s =>
            Convert.ToUInt64((await _chain.Rpc.CallAsync("eth_getTransactionByHash", s.TransactionHash.ToString())).GetProperty("nonce").GetString(), 16)));

        Assert.All(statuses, s => Assert.Equal(OperationState.Final, s.State));
        Assert.Equal(Count, submissions.Select(s => s.TransactionHash).Distinct().Count());
        Assert.Equal(Count, nonces.Distinct().Count());
        Assert.Equal((ulong)(Count - 1), nonces.Max() - nonces.Min());
        Assert.Equal((UInt128)(Count * 1_000), await sut.GetVaultBalanceAsync("WETH", protocol));
    }

    private Bytes32 WriteAsIfCrashedBeforeSend(string store, ChainOperation deposit, string protocol, ulong nonce)
    {
        var token = _chain.Token("USDC");
        var key = ProtocolIds.Encode(protocol);
        var data = VaultAbi.Movement(deposit.Kind, deposit.Id, key, token, deposit.Account, deposit.Amount);
        var options = chains.Options(store);
        var (raw, hash) = TransactionSigner.Sign(chains.MeshSigner, _chain.Node.ChainId, nonce, _chain.Definition.Contracts.Vault, data, options.OperationGasLimit, options);
        var payload = EvmChainClient.Payload(deposit, key, token);
        var scope = EvmChainClient.Scope(_chain.Node.ChainId, _chain.Definition.Contracts.Vault);
        new SqliteTransactionStore(store, SigningLocks.Process).SaveAsync(scope, new StoredTransaction(deposit.Id, payload, chains.MeshSigner.Address, nonce, hash, raw), CancellationToken.None)
            .GetAwaiter().GetResult();
        return hash;
    }
}
