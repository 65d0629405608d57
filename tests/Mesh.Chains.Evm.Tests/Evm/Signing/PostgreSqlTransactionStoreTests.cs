using Mesh.Chains.Clients;
using Mesh.Chains.Evm.Signing;
using Mesh.Chains.Evm.Tests.Fixtures;
using Mesh.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Mesh.Chains.Evm.Tests.Evm.Signing;

public sealed class PostgreSqlTransactionStoreTests : IAsyncLifetime
{
    private const string Scope = "31401:0x00000000000000000000000000000000000000aa";
    private const string Signer = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
    private SharedStoreDatabase _database = null!;

    public async Task InitializeAsync() => _database = await SharedStoreDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task FindAsync_SavedByAnotherStoreInstance_ReturnsTheSameSignedTransaction()
    {
        var saved = Transaction("deposit-1", nonce: 7);
        await _database.NewStore().SaveAsync(Scope, saved, CancellationToken.None);
        var sut = _database.NewStore();

        var found = await sut.FindAsync(Scope, saved.OperationId, CancellationToken.None);

        Assert.Equal(saved, found);
        Assert.Equal(8UL, await sut.NextNonceAsync(Scope, Signer, CancellationToken.None));
        Assert.Null(await sut.FindAsync("31402:" + Scope[6..], saved.OperationId, CancellationToken.None));
    }

    [Fact]
    public async Task RemoveAsync_LastTransaction_GivesItsNonceBackAndKeepsEarlierOnes()
    {
        var sut = _database.NewStore();
        var earlier = Transaction("deposit-1", nonce: 3);
        var refused = Transaction("deposit-2", nonce: 4);
        await sut.SaveAsync(Scope, earlier, CancellationToken.None);
        await sut.SaveAsync(Scope, refused, CancellationToken.None);

        await sut.RemoveAsync(Scope, refused, CancellationToken.None);

        Assert.Null(await sut.FindAsync(Scope, refused.OperationId, CancellationToken.None));
        Assert.Equal(earlier, await sut.FindAsync(Scope, earlier.OperationId, CancellationToken.None));
        Assert.Equal(4UL, await sut.NextNonceAsync(Scope, Signer, CancellationToken.None));
    }

    [Fact]
    public async Task SaveAsync_SameOperationSignedAnew_ReplacesItAndNeverMovesTheNonceBack()
    {
        var sut = _database.NewStore();
        await sut.SaveAsync(Scope, Transaction("deposit-1", nonce: 9), CancellationToken.None);
        var again = Transaction("deposit-1", nonce: 5);

        await sut.SaveAsync(Scope, again, CancellationToken.None);

        Assert.Equal(again, await sut.FindAsync(Scope, again.OperationId, CancellationToken.None));
        Assert.Equal(10UL, await sut.NextNonceAsync(Scope, Signer, CancellationToken.None));
    }

    [Fact]
    public async Task LockAsync_HolderIdlePastTheLimit_PostgreSqlEndsItsSessionAndTheLock()
    {
        using var sut = new PostgreSqlTransactionStore(_database.ConnectionString, new SigningLocks(), TimeSpan.FromSeconds(1), NullLogger.Instance);
        var lease = await sut.LockAsync(31401, Signer, CancellationToken.None);
        var held = $"SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND classid = {PostgreSqlTransactionStore.LockClass}::oid AND objid = ({PostgreSqlTransactionStore.LockKey(31401, Signer)})::int4::oid AND granted";
        Assert.Equal(1L, Convert.ToInt64(await _database.ScalarAsync(held)));

        // A frozen holder sends no statement: the server ends its session after the limit.
        await Eventually.TrueAsync(async () => Convert.ToInt64(await _database.ScalarAsync(held)) == 0, "the idle holder's lock is gone", TimeSpan.FromSeconds(15));
        var lost = await Record.ExceptionAsync(() => lease.EnsureHeldAsync(CancellationToken.None));
        await lease.DisposeAsync();
        var next = await sut.LockAsync(31401, Signer, CancellationToken.None);
        await next.EnsureHeldAsync(CancellationToken.None);
        await next.DisposeAsync();

        Assert.IsAssignableFrom<System.Data.Common.DbException>(lost);
    }

    private static StoredTransaction Transaction(string name, ulong nonce)
    {
        var raw = "0x02" + Convert.ToHexStringLower(BitConverter.GetBytes(nonce)) + name.Length.ToString("x2", System.Globalization.CultureInfo.InvariantCulture);
        return new StoredTransaction(OperationId.FromName(name), $"Deposit|{name}|{nonce}", Signer, nonce, TransactionSigner.HashOf(raw), raw);
    }
}
