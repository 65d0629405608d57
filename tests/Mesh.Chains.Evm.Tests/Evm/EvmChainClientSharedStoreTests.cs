using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Abi;
using Mesh.Chains.Evm.Signing;
using Mesh.Chains.Evm.Tests.Fixtures;
using Mesh.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm.Tests.Evm;

/// <summary>
/// Two silos that sign with one key share the PostgreSQL transaction store: each test plays them with two clients,
/// each with its own store instance (its own connection pool and in-process locks), so that they meet only in
/// PostgreSQL, as two processes do.
/// </summary>
[Collection(LocalChainsCollection.Name)]
public sealed class EvmChainClientSharedStoreTests(LocalChains chains) : IAsyncLifetime
{
    private readonly LocalChain _chain = chains.B;
    private SharedStoreDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SharedStoreDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SubmitAsync_TwoClientsOneKeyConcurrently_NoncesContiguousAndEachOperationSentOnce()
    {
        using var first = Client(_database.NewStore());
        using var second = Client(_database.NewStore());
        var account = EvmDevelopmentKeys.HardhatAccount(12);
        var protocol = Operations.NewProtocol();
        const int PerClient = 40;
        await _chain.FundAsync(account, "WETH", 2 * PerClient * 1_000);
        var start = await PendingNonceAsync();
        var operations = Enumerable.Range(0, 2 * PerClient)
            .Select(i => Operations.Operation(OperationKind.Deposit, protocol, account, "WETH", (UInt128)(1_000 + (i % 2 == 0 ? 1 : -1))))
            .ToList();

        var submissions = await Task.WhenAll(operations.Select((o, i) => Task.Run(() => (i % 2 == 0 ? first : second).SubmitAsync(o))));
        await _chain.Rpc.MineAsync(LocalChains.Confirmations);
        var statuses = await Task.WhenAll(operations.Select(o => first.SettleAsync(_chain, o.Id)));
        var nonces = await Task.WhenAll(submissions.Select(s => NonceOfAsync(s.TransactionHash)));

        Assert.All(statuses, s => Assert.Equal(OperationState.Final, s.State));
        Assert.All(submissions, s => Assert.False(s.AlreadyKnown));
        Assert.Equal(submissions.Select(s => s.TransactionHash), statuses.Select(s => s.TransactionHash!.Value));
        Assert.Equal(Enumerable.Range(0, 2 * PerClient).Select(i => start + (ulong)i), nonces.Order());
        // No other transaction of the key: no operation was signed twice, none was sent and refused into a gap.
        Assert.Equal(start + (ulong)(2 * PerClient), await PendingNonceAsync());
        Assert.Equal((UInt128)(2 * PerClient * 1_000), await first.GetVaultBalanceAsync("WETH", protocol));
    }

    [Fact]
    public async Task SubmitAsync_TwoProcessesOneKeyConcurrently_NoncesContiguousAndEachOperationSentOnce()
    {
        var account = EvmDevelopmentKeys.HardhatAccount(14);
        var protocol = Operations.NewProtocol();
        const int PerProcess = 40;
        await _chain.FundAsync(account, "USDC", 2 * PerProcess * 5);
        var chainFile = Path.Combine(Path.GetTempPath(), $"mesh-evm-chain-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(chainFile, System.Text.Json.JsonSerializer.Serialize(_chain.Definition));
        var start = await PendingNonceAsync();
        IReadOnlyList<Bytes32>[] hashes;
        try
        {
            await using var first = await SubmitterProcess.StartAsync(chainFile, _database.ConnectionString, protocol, account.Address, "USDC", 5, protocol + "/first", PerProcess);
            await using var second = await SubmitterProcess.StartAsync(chainFile, _database.ConnectionString, protocol, account.Address, "USDC", 5, protocol + "/second", PerProcess);
            await Task.WhenAll(first.GoAsync(), second.GoAsync());
            hashes = await Task.WhenAll(first.HashesAsync(), second.HashesAsync());
        }
        finally
        {
            File.Delete(chainFile);
        }

        using var sut = Client(_database.NewStore());
        await _chain.Rpc.MineAsync(LocalChains.Confirmations);
        var ids = Enumerable.Range(0, 2 * PerProcess)
            .Select(i => OperationId.FromName($"{protocol}/{(i < PerProcess ? "first" : "second")}/{i % PerProcess}")).ToList();
        var statuses = await Task.WhenAll(ids.Select(id => sut.SettleAsync(_chain, id)));
        var nonces = await Task.WhenAll(hashes.SelectMany(h => h).Select(NonceOfAsync));

        Assert.All(statuses, s => Assert.Equal(OperationState.Final, s.State));
        Assert.Equal(hashes.SelectMany(h => h), statuses.Select(s => s.TransactionHash!.Value));
        Assert.Equal(Enumerable.Range(0, 2 * PerProcess).Select(i => start + (ulong)i), nonces.Order());
        Assert.Equal(start + (ulong)(2 * PerProcess), await PendingNonceAsync());
        Assert.Equal((UInt128)(2 * PerProcess * 5), await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task SubmitAsync_OtherClientTakesOverAfterCrashBeforeSend_ResendsSameNonceAndHash()
    {
        var dead = _database.NewStore();
        var account = EvmDevelopmentKeys.HardhatAccount(13);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 40);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 40);
        var nonce = await PendingNonceAsync();
        var written = await SaveAsIfCrashedBeforeSendAsync(dead, deposit, protocol, nonce);
        dead.Dispose();

        using var sut = Client(_database.NewStore());
        var submitted = await sut.SubmitAsync(deposit);
        var status = await sut.SettleAsync(_chain, deposit.Id);
        var again = await sut.SubmitAsync(deposit);

        Assert.Equal(written, submitted.TransactionHash);
        Assert.False(submitted.AlreadyKnown);
        Assert.Equal(OperationState.Final, status.State);
        Assert.Equal(nonce, await NonceOfAsync(submitted.TransactionHash));
        Assert.True(again.AlreadyKnown);
        Assert.Equal(written, again.TransactionHash);
        Assert.Equal(nonce + 1, await PendingNonceAsync());
        Assert.Equal((UInt128)40, await sut.GetVaultBalanceAsync("USDC", protocol));
    }

    [Fact]
    public async Task SubmitAsync_WhileAnotherProcessHoldsTheKey_WaitsUntilItsSessionEnds()
    {
        var holder = _database.NewStore();
        using var sut = Client(_database.NewStore());
        var account = EvmDevelopmentKeys.HardhatAccount(13);
        var protocol = Operations.NewProtocol();
        await _chain.FundAsync(account, "USDC", 7);
        var deposit = Operations.Operation(OperationKind.Deposit, protocol, account, "USDC", 7);
        var held = await holder.LockAsync(_chain.Node.ChainId, chains.MeshSigner.Address, CancellationToken.None);
        var key = PostgreSqlTransactionStore.LockKey(_chain.Node.ChainId, chains.MeshSigner.Address);
        var lockRows = $"FROM pg_locks WHERE locktype = 'advisory' AND classid = {PostgreSqlTransactionStore.LockClass}::oid AND objid = ({key})::int4::oid AND objsubid = 2";

        var submit = Task.Run(() => sut.SubmitAsync(deposit));
        await Eventually.TrueAsync(async () => Convert.ToInt64(await _database.ScalarAsync($"SELECT count(*) {lockRows} AND NOT granted")) == 1,
            "the second client waits for the advisory lock of the key");
        var submittedWhileHeld = submit.IsCompleted;
        // The holder's process dies: PostgreSQL ends its session, and with it the lock.
        Assert.True((bool)(await _database.ScalarAsync($"SELECT pg_terminate_backend(pid) {lockRows} AND granted"))!);
        var submitted = await submit;
        var lost = await Record.ExceptionAsync(() => held.EnsureHeldAsync(CancellationToken.None));
        await held.DisposeAsync();
        var status = await sut.SettleAsync(_chain, deposit.Id);

        Assert.False(submittedWhileHeld);
        Assert.NotNull(lost);
        Assert.Equal(OperationState.Final, status.State);
        Assert.Equal(submitted.TransactionHash, status.TransactionHash);
    }

    private EvmChainClient Client(EvmTransactionStore store) =>
        new(_chain.Definition, chains.MeshSigner, chains.Options(), TimeProvider.System, NullLogger.Instance, store);

    private async Task<ulong> PendingNonceAsync() =>
        Convert.ToUInt64((await _chain.Rpc.CallAsync("eth_getTransactionCount", chains.MeshSigner.Address, "pending")).GetString(), 16);

    private async Task<ulong> NonceOfAsync(Bytes32 hash) =>
        Convert.ToUInt64((await _chain.Rpc.CallAsync("eth_getTransactionByHash", hash.ToString())).GetProperty("nonce").GetString(), 16);

    /// <summary>What a silo does under the key's lock right before it sends: sign and record, committed; then it dies.</summary>
    private async Task<Bytes32> SaveAsIfCrashedBeforeSendAsync(EvmTransactionStore store, ChainOperation deposit, string protocol, ulong nonce)
    {
        var token = _chain.Token("USDC");
        var key = ProtocolIds.Encode(protocol);
        var data = VaultAbi.Movement(deposit.Kind, deposit.Id, key, token, deposit.Account, deposit.Amount);
        var options = chains.Options();
        var (raw, hash) = TransactionSigner.Sign(chains.MeshSigner, _chain.Node.ChainId, nonce, _chain.Definition.Contracts.Vault, data, options.OperationGasLimit, options);
        var scope = EvmChainClient.Scope(_chain.Node.ChainId, _chain.Definition.Contracts.Vault);
        var lease = await store.LockAsync(_chain.Node.ChainId, chains.MeshSigner.Address, CancellationToken.None);
        await using (lease)
        {
            await store.SaveAsync(scope, new StoredTransaction(deposit.Id, EvmChainClient.Payload(deposit, key, token), chains.MeshSigner.Address, nonce, hash, raw), CancellationToken.None);
        }

        return hash;
    }
}
