using Mesh.Chains.Clients;
using Mesh.Errors;
using Mesh.Grains.Transfers;
using Mesh.Transfers;
using static Mesh.Grains.Tests.Transfers.TransferFixture;

namespace Mesh.Grains.Tests.Transfers;

/// <summary>One transfer at a time on the simulated chains and the fake clock: settle, compensate, expire, cancel, repeat.</summary>
[Collection(Collection.Name)]
public sealed class TransferGrainTests(TransferFixture fixture)
{
    private static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    [Fact]
    public async Task Execute_HealthyChains_SettlesWithExactConservation()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "settle", 1_000 * Usdc);
        FundBridge("local-b", 10_000 * Usdc);
        var bridgeA = await Chain("local-a").GetBalanceAsync(Asset, Bridge("local-a"));
        var bridgeB = await Chain("local-b").GetBalanceAsync(Asset, Bridge("local-b"));
        var sut = fixture.Transfer(NewId("settle"));
        var amount = 400 * Usdc;

        var quote = await sut.Quote(Request(protocol, "local-a", "local-b", amount));
        var started = await sut.Execute();
        var ended = await EndedAsync(sut);

        // 5 bp of 400 USDC, rounded up: 200,000 base units.
        Assert.Equal(200_000UL, (ulong)quote.Fee);
        Assert.Equal(amount - quote.Fee, quote.Delivered);
        Assert.Equal(TransferPhase.Locking, started.Phase);
        Assert.Equal(TransferPhase.Settled, ended.Phase);
        Assert.Equal((amount, quote.Delivered, UInt128.Zero, quote.Fee), (ended.Locked, ended.Released, ended.Refunded, ended.FeeRetained));
        Assert.Equal(ended.Locked, ended.Released + ended.FeeRetained + ended.Refunded);
        Assert.Equal(1_000 * Usdc - amount, await Chain("local-a").GetVaultBalanceAsync(Asset, protocol));
        Assert.Equal(1_000 * Usdc + quote.Delivered, await Chain("local-b").GetVaultBalanceAsync(Asset, protocol));
        // The vaults' books follow the chains: what left local-a is out of its books, what arrived on local-b is in.
        Assert.Equal(1_000 * Usdc - amount, await BookBalanceAsync(fixture.Client, protocol, "local-a"));
        Assert.Equal(1_000 * Usdc + quote.Delivered, await BookBalanceAsync(fixture.Client, protocol, "local-b"));
        var vaultOperation = TransferOperations.VaultOperationId(sut.GetPrimaryKeyString());
        Assert.Equal(
            (Mesh.Vaults.OperationKind.TransferOut, Mesh.Vaults.OperationStatus.Completed, amount),
            await OperationOf(protocol, "local-a", vaultOperation));
        Assert.Equal(
            (Mesh.Vaults.OperationKind.TransferIn, Mesh.Vaults.OperationStatus.Completed, quote.Delivered),
            await OperationOf(protocol, "local-b", vaultOperation));
        Assert.Equal(bridgeA + amount, await Chain("local-a").GetBalanceAsync(Asset, Bridge("local-a")));
        Assert.Equal(bridgeB - quote.Delivered, await Chain("local-b").GetBalanceAsync(Asset, Bridge("local-b")));
        Assert.Equal(
            [TransferPhase.Quoted, TransferPhase.Reserved, TransferPhase.Locking, TransferPhase.Locked, TransferPhase.Releasing, TransferPhase.Released, TransferPhase.Settled],
            ended.Steps.Select(s => s.Phase).Distinct());
        Assert.DoesNotContain((await fixture.Client.GetGrain<ITransferInventoryGrain>("local-b/USDC").View()).Claims.Keys, k => k.StartsWith(sut.GetPrimaryKeyString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Execute_DestinationHaltsMidTransfer_CompensatesAndRefundsTheSource()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "halt", 1_000 * Usdc);
        FundBridge("local-c", 10_000 * Usdc);
        var bridgeC = await Chain("local-c").GetBalanceAsync(Asset, Bridge("local-c"));
        var id = NewId("halt");
        var sut = fixture.Transfer(id);
        await sut.Quote(Request(protocol, "local-a", "local-c", 250 * Usdc));

        TransferStatus ended;
        var differences = await AuditDifferencesAsync(fixture.Client);
        var started = await sut.Execute();
        Chain("local-c").HaltBlocks();
        // Mid-saga the audit still balances: the amount is out of local-a's books and counted in transit until the lock takes it.
        var midway = await fixture.Client.GetGrain<Mesh.Audit.IConservationAuditGrain>(0).Run();
        var midwayDifferences = await AuditDifferencesAsync(fixture.Client);
        try
        {
            ended = await EndedAsync(sut);
        }
        finally
        {
            // The next block comes one block time after the resume; until then the chain still looks halted.
            Chain("local-c").ResumeBlocks();
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(TransferPhase.Locking, started.Phase);
        Assert.Equal(TransferPhase.Compensated, ended.Phase);
        Assert.Equal("destination.halted", ended.Reason);
        Assert.Equal((250 * Usdc, UInt128.Zero, 250 * Usdc, UInt128.Zero), (ended.Locked, ended.Released, ended.Refunded, ended.FeeRetained));
        Assert.Equal(1_000 * Usdc, await Chain("local-a").GetVaultBalanceAsync(Asset, protocol));
        Assert.Equal(1_000 * Usdc, await Chain("local-c").GetVaultBalanceAsync(Asset, protocol));
        Assert.Equal(bridgeC, await Chain("local-c").GetBalanceAsync(Asset, Bridge("local-c")));
        Assert.Equal(differences, midwayDifferences);
        Assert.Equal(differences, await AuditDifferencesAsync(fixture.Client));
        Assert.Contains(midway.InFlight, o => o.OperationId == TransferOperations.VaultOperationId(id) && o.Kind == Mesh.Vaults.OperationKind.TransferOut && o.Stage is "recorded" or "locked");
        // The refund is back in local-a's books; local-c's never counted the release that was never sent.
        Assert.Equal(1_000 * Usdc, await BookBalanceAsync(fixture.Client, protocol, "local-a"));
        Assert.Equal(1_000 * Usdc, await BookBalanceAsync(fixture.Client, protocol, "local-c"));
        Assert.Equal(
            (Mesh.Vaults.OperationKind.TransferOut, Mesh.Vaults.OperationStatus.Failed, 250 * Usdc),
            await OperationOf(protocol, "local-a", TransferOperations.VaultOperationId(id)));
        Assert.Equal(0, await MovementsOf("local-c", TransferGrain.OperationIdOf(id, "release")));
        Assert.Equal(1, await MovementsOf("local-a", TransferGrain.OperationIdOf(id, "refund")));
    }

    [Fact]
    public async Task Execute_AfterTheQuoteExpired_IsRefusedUntilQuotedAgain()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "expiry", 100 * Usdc);
        FundBridge("local-b", 1_000 * Usdc);
        var sut = fixture.Transfer(NewId("expiry"));
        var request = Request(protocol, "local-a", "local-b", 10 * Usdc);
        var first = await sut.Quote(request);

        Clock.Advance(TimeSpan.FromSeconds(31));
        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Execute());
        var second = await sut.Quote(request);
        var started = await sut.Execute();
        var ended = await EndedAsync(sut);

        Assert.Equal(("quote.expired", MeshErrorKind.Refused), (error.Code, error.Kind));
        Assert.Equal(first.QuotedAt + TimeSpan.FromSeconds(30), first.ExpiresAt);
        Assert.True(second.ExpiresAt > first.ExpiresAt);
        Assert.NotEqual(TransferPhase.Quoted, started.Phase);
        Assert.Equal(TransferPhase.Settled, ended.Phase);
    }

    [Fact]
    public async Task Cancel_BeforeExecute_FailsTheTransferAndExecuteIsRefused()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "cancel", 0);
        var sut = fixture.Transfer(NewId("cancel"));
        await sut.Quote(Request(protocol, "local-a", "local-b", 10 * Usdc));

        var cancelled = await sut.Cancel();
        var again = await sut.Cancel();
        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Execute());

        Assert.Equal((TransferPhase.Failed, TransferGrain.Cancelled), (cancelled.Phase, cancelled.Reason));
        Assert.Equal(cancelled.Phase, again.Phase);
        Assert.Equal((TransferGrain.Cancelled, MeshErrorKind.Conflict), (error.Code, error.Kind));
    }

    [Fact]
    public async Task Cancel_AfterTheLockIsSubmitted_IsRefusedAndTheTransferSettles()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "late", 100 * Usdc);
        FundBridge("local-b", 1_000 * Usdc);
        var sut = fixture.Transfer(NewId("late"));
        await sut.Quote(Request(protocol, "local-a", "local-b", 10 * Usdc));
        await sut.Execute();

        var error = await Assert.ThrowsAsync<MeshException>(() => sut.Cancel());
        var ended = await EndedAsync(sut);

        Assert.Equal(("transfer.locked", MeshErrorKind.Conflict), (error.Code, error.Kind));
        Assert.Equal(TransferPhase.Settled, ended.Phase);
    }

    [Fact]
    public async Task QuoteAndExecute_SameRequestTwice_AreOneTransferAndAnotherPayloadConflicts()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "idem", 100 * Usdc);
        FundBridge("local-a", 1_000 * Usdc);
        var id = NewId("idem");
        var sut = fixture.Transfer(id);
        var request = Request(protocol, "local-b", "local-a", 20 * Usdc);

        var first = await sut.Quote(request);
        var repeat = await sut.Quote(request);
        var conflict = await Assert.ThrowsAsync<MeshException>(() => sut.Quote(request with { Amount = 21 * Usdc }));
        await Task.WhenAll(sut.Execute(), sut.Execute());
        var ended = await EndedAsync(sut);
        var afterEnd = await sut.Execute();

        Assert.Equal(first, repeat);
        Assert.Equal(("transfer.conflict", MeshErrorKind.Conflict), (conflict.Code, conflict.Kind));
        Assert.Equal(TransferPhase.Settled, ended.Phase);
        Assert.Equal(ended.Phase, afterEnd.Phase);
        Assert.Equal(1, await MovementsOf("local-b", TransferGrain.OperationIdOf(id, "lock")));
        Assert.Equal(1, await MovementsOf("local-a", TransferGrain.OperationIdOf(id, "release")));
        Assert.Equal(80 * Usdc, await Chain("local-b").GetVaultBalanceAsync(Asset, protocol));
        Assert.Equal(100 * Usdc + first.Delivered, await Chain("local-a").GetVaultBalanceAsync(Asset, protocol));
    }

    [Fact]
    public async Task Execute_DestinationHaltsAfterTheReleaseIsSent_WaitsStuckWithoutARefundThenSettles()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "sent", 1_000 * Usdc);
        FundBridge("local-b", 10_000 * Usdc);
        var id = NewId("sent");
        var sut = fixture.Transfer(id);
        var quote = await sut.Quote(Request(protocol, "local-a", "local-b", 300 * Usdc));
        await sut.Execute();
        await Until(async () => (await sut.Status()).Phase == TransferPhase.Releasing, "the release is sent");

        TransferStatus halted;
        Chain("local-b").HaltBlocks();
        try
        {
            // Far past the stuck threshold (10 minutes) with the destination halted: a step of the saga runs now.
            Clock.Advance(TimeSpan.FromMinutes(11));
            halted = await sut.Execute();
        }
        finally
        {
            Chain("local-b").ResumeBlocks();
        }

        var ended = await EndedAsync(sut);

        Assert.Equal((TransferPhase.Releasing, true, UInt128.Zero), (halted.Phase, halted.Stuck, halted.Refunded));
        Assert.Equal(TransferPhase.Settled, ended.Phase);
        Assert.Equal((300 * Usdc, quote.Delivered, UInt128.Zero), (ended.Locked, ended.Released, ended.Refunded));
        Assert.DoesNotContain(ended.Steps, s => s.Phase == TransferPhase.Compensating);
        Assert.Equal(1, await MovementsOf("local-b", TransferGrain.OperationIdOf(id, "release")));
        Assert.Equal(0, await MovementsOf("local-a", TransferGrain.OperationIdOf(id, "refund")));
    }

    [Fact]
    public async Task Execute_MoreThanTheSourceVaultHolds_FailsWithNothingLockedAndTheReservationFreed()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "poor", 100 * Usdc);
        FundBridge("local-b", 1_000 * Usdc);
        var sut = fixture.Transfer(NewId("poor"));
        await sut.Quote(Request(protocol, "local-a", "local-b", 150 * Usdc));

        var status = await sut.Execute();

        Assert.Equal((TransferPhase.Failed, "vault.insufficient_balance"), (status.Phase, status.Reason));
        Assert.Equal(UInt128.Zero, status.Locked);
        Assert.Equal(100 * Usdc, await BookBalanceAsync(fixture.Client, protocol, "local-a"));
        Assert.Null(await Vault(fixture.Client, protocol, "local-a").Operation(TransferOperations.VaultOperationId(sut.GetPrimaryKeyString())));
        Assert.Equal(0, await MovementsOf("local-a", TransferGrain.OperationIdOf(sut.GetPrimaryKeyString(), "lock")));
        Assert.DoesNotContain((await fixture.Client.GetGrain<ITransferInventoryGrain>("local-b/USDC").View()).Claims.Keys, k => k.StartsWith(sut.GetPrimaryKeyString(), StringComparison.Ordinal));
        Assert.DoesNotContain((await fixture.Client.GetGrain<ITransferInventoryGrain>("local-a/USDC").View()).Claims.Keys, k => k.StartsWith(sut.GetPrimaryKeyString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deposit_UnderATransfersOperationId_IsRefusedNamingTheField()
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "reserved", 0);

        var refused = await Assert.ThrowsAsync<MeshException>(() => Vault(fixture.Client, protocol, "local-a").Deposit(new Mesh.Vaults.VaultMovement(TransferOperations.VaultOperationId("mine"), Asset, Usdc)));

        Assert.Equal(("operation.reserved_id", "operationId"), (refused.Code, refused.Field));
    }

    private async Task<(Mesh.Vaults.OperationKind, Mesh.Vaults.OperationStatus, UInt128)?> OperationOf(string protocol, string chain, string operationId) =>
        await Vault(fixture.Client, protocol, chain).Operation(operationId) is { } op ? (op.Kind, op.Status, op.Amount) : null;

    [Fact]
    public async Task Execute_DestinationBridgeShort_FailsWithNothingLocked()
    {
        // No test puts WETH into local-a's bridge: the destination has nothing to release from.
        var (protocol, account) = await MemberAsync(fixture.Client, "short", 0);
        var weth = (UInt128)1_000_000_000_000_000_000UL;
        Chain("local-c").Fund(account, "WETH", weth);
        var sut = fixture.Transfer(NewId("short"));
        var available = (await fixture.Client.GetGrain<ITransferInventoryGrain>("local-a/WETH").View()).Available;
        await sut.Quote(Request(protocol, "local-c", "local-a", weth) with { Asset = "WETH" });

        var status = await sut.Execute();

        Assert.Equal(UInt128.Zero, available);
        Assert.Equal((TransferPhase.Failed, "inventory.insufficient"), (status.Phase, status.Reason));
        Assert.Equal((UInt128.Zero, UInt128.Zero), (status.Locked, status.Refunded));
        Assert.Equal(weth, await Chain("local-c").GetBalanceAsync("WETH", account));
        Assert.Equal(0, await MovementsOf("local-c", TransferGrain.OperationIdOf(sut.GetPrimaryKeyString(), "lock")));
    }

    [Fact]
    public async Task Execute_RouteBucketSpentByAnEarlierTransfer_IsRefusedRateLimitedAndQuotesGoAround()
    {
        // WETH local-b → local-c: a bucket of 100 WETH refilling 0.05 WETH/s; no other test uses it.
        var (protocol, account) = await MemberAsync(fixture.Client, "bucket", 0);
        var eighty = (UInt128)80 * 1_000_000_000_000_000_000UL;
        await DepositAsync(fixture.Client, protocol, account, "local-b", "WETH", eighty);
        Chain("local-c").Fund(Bridge("local-c"), "WETH", eighty);
        var request = Request(protocol, "local-b", "local-c", eighty) with { Asset = "WETH" };
        var first = fixture.Transfer(NewId("bucket"));
        var second = fixture.Transfer(NewId("bucket"));
        await first.Quote(request);
        await second.Quote(request);

        var taken = await first.Execute();
        var refused = await second.Execute();
        var around = await fixture.Transfer(NewId("bucket")).Quote(request);
        var settled = await EndedAsync(first);

        // The first is admitted and crosses; while it is in flight the direct route's bucket is spent, so the next
        // quote goes through local-a, paying both hops' fees (8 bp each, rounded up).
        Assert.Equal(TransferPhase.Locking, taken.Phase);
        Assert.Equal((TransferPhase.Failed, "route.rate_limited"), (refused.Phase, refused.Reason));
        Assert.Equal("local-b → local-a → local-c", around.Path);
        Assert.Equal(eighty - (eighty * 8 / 10_000) - ((eighty - (eighty * 8 / 10_000)) * 8 / 10_000), around.Delivered);
        Assert.Equal(TransferPhase.Settled, settled.Phase);

        // What crossed keeps its tokens spent once the transfer has ended.
        var (inTransit, available) = await fixture.Client.GetGrain<ITransferRouteGrain>("WETH/local-b/local-c").Load();
        Assert.Equal(UInt128.Zero, inTransit);
        Assert.True(available < eighty, $"{available} left in the bucket");
    }

    [Fact]
    public async Task Execute_CompensatedTransfer_GivesItsTokensBackToTheRouteBucket()
    {
        // USDC local-c → local-a: a bucket of 250,000 USDC refilling 100 USDC/s; no other test uses it.
        var amount = 50_000 * Usdc;
        var (protocol, _) = await MemberAsync(fixture.Client, "tokens", amount);
        FundBridge("local-a", amount);
        var route = fixture.Client.GetGrain<ITransferRouteGrain>("USDC/local-c/local-a");
        var capacity = Infrastructure.TestChains.Load().FindRoute("local-c", "local-a", Asset)!.RateLimit.Capacity;
        var sut = fixture.Transfer(NewId("tokens"));
        await sut.Quote(Request(protocol, "local-c", "local-a", amount));
        Assert.Equal(capacity, (await route.Load()).BucketAvailable);

        TransferStatus ended;
        await sut.Execute();
        var during = await route.Load();
        Chain("local-a").HaltBlocks();
        try
        {
            ended = await EndedAsync(sut);
        }
        finally
        {
            Chain("local-a").ResumeBlocks();
            Clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal((TransferPhase.Compensated, "destination.halted"), (ended.Phase, ended.Reason));
        Assert.Equal((amount, capacity - amount), (during.InTransit, during.BucketAvailable));
        var after = await route.Load();
        Assert.Equal((UInt128.Zero, capacity), (after.InTransit, after.BucketAvailable));
    }

    [Theory]
    [InlineData("amount", "amount.zero")]
    [InlineData("from", "chain.unknown")]
    [InlineData("to", "route.same_chain")]
    [InlineData("asset", "asset.unknown")]
    [InlineData("deadline", "deadline.not_positive")]
    [InlineData("protocolId", "protocol.id_invalid")]
    public async Task Quote_BadField_IsRefusedNamingIt(string field, string code)
    {
        var (protocol, _) = await MemberAsync(fixture.Client, "bad", 0);
        var good = Request(protocol, "local-a", "local-b", Usdc);
        var request = field switch
        {
            "amount" => good with { Amount = UInt128.Zero },
            "from" => good with { From = "nowhere" },
            "to" => good with { To = "local-a" },
            "asset" => good with { Asset = "DOGE" },
            "deadline" => good with { Deadline = TimeSpan.FromSeconds(-1) },
            _ => good with { ProtocolId = "" },
        };

        var error = await Assert.ThrowsAsync<MeshException>(() => fixture.Transfer(NewId("bad")).Quote(request));

        Assert.Equal((MeshErrorKind.Validation, field, code), (error.Kind, error.Field, error.Code));
    }

    [Fact]
    public async Task Quote_BadRequestId_IsRefusedNamingIt()
    {
        var error = await Assert.ThrowsAsync<MeshException>(() => fixture.Transfer("has space").Quote(Request("p", "local-a", "local-b", Usdc)));

        Assert.Equal(("requestId", "transfer.request_id_invalid"), (error.Field, error.Code));
    }
}
