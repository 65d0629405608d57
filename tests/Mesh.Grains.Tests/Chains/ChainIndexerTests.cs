using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Chains.Simulated;
using Mesh.Grains.Chains;
using Mesh.Grains.Tests.Infrastructure;
using Mesh.Storage.Persistence;
using Microsoft.Extensions.Time.Testing;

namespace Mesh.Grains.Tests.Chains;

/// <summary>The event index against the real simulated chain, both on one fake clock: one second per block, two confirmations.</summary>
public sealed class ChainIndexerTests
{
    private const string Account = "0x00000000000000000000000000000000000000e1";
    private static readonly ChainDefinition Chain = TestChains.Load().FindChain("local-a")!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly ISimulatedChain _chain;
    private readonly TamperingChainClient _client;

    public ChainIndexerTests()
    {
        _chain = SimulatedChains.Create(Chain, _time);
        _client = new TamperingChainClient(_chain);
        _chain.Fund(Account, "USDC", 1_000_000_000);
        _chain.Fund(Account, "WETH", 1_000);
    }

    private ChainIndexer Sut(ChainIndexState? restored = null, ChainMonitorOptions? options = null) =>
        new(Chain, _client, options ?? new ChainMonitorOptions(), restored);

    private async Task<ChainIndexStep> Step(ChainIndexer sut)
    {
        var head = await _chain.GetHeadAsync();
        var finalized = await _chain.GetFinalizedHeadAsync();
        return await sut.AdvanceAsync(head, finalized.Number, CancellationToken.None);
    }

    private async Task<ChainIndexStep> Blocks(ChainIndexer sut, int count)
    {
        ChainIndexStep? last = null;
        for (var i = 0; i < count; i++)
        {
            _time.Advance(Chain.BlockTime);
            last = await Step(sut);
        }

        return last!;
    }

    private Task<OperationSubmission> Move(string name, OperationKind kind, string protocol, string token, UInt128 amount) =>
        _chain.SubmitAsync(new ChainOperation(OperationId.FromName(name), kind, protocol, Account, token, amount));

    private Task<OperationSubmission> Deposit(string name, string protocol, string token, UInt128 amount) =>
        Move(name, OperationKind.Deposit, protocol, token, amount);

    private static (UInt128 Final, UInt128 In, UInt128 Out) Line(ChainIndexer sut, string protocol, string token) =>
        sut.Lines().Where(l => l.ProtocolId == protocol && l.Asset == token).Select(l => (l.Final, l.TentativeIn, l.TentativeOut)).SingleOrDefault();

    private static ChainIndexState RoundTrip(ChainIndexState state)
    {
        var serializer = new JsonGrainStorageSerializer();
        return serializer.Deserialize<ChainIndexState>(serializer.Serialize(state))!;
    }

    private static string Snapshot(ChainIndexer sut) => new JsonGrainStorageSerializer().Serialize(sut.ToState()).ToString();

    [Fact]
    public async Task AdvanceAsync_DepositIncluded_TentativeUntilTheConfirmationsAreOnTopThenFinal()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);

        var included = await Blocks(sut, 1);
        var afterOne = await Blocks(sut, 1);
        var stateBeforeFinal = (await _chain.GetOperationAsync(OperationId.FromName("d1"))).State;
        var lineBeforeFinal = Line(sut, "p", "USDC");
        var final = await Blocks(sut, 1);

        Assert.Equal(1, included.Tentative);
        Assert.Equal(0, included.Final);
        Assert.Equal(0, afterOne.Final);
        Assert.Equal((UInt128.Zero, (UInt128)700, UInt128.Zero), lineBeforeFinal);
        Assert.Equal(OperationState.Included, stateBeforeFinal);
        Assert.Equal(1, final.Final);
        Assert.Equal(((UInt128)700, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(OperationState.Final, (await _chain.GetOperationAsync(OperationId.FromName("d1"))).State);
        Assert.Equal(1, sut.Applied);
        Assert.Equal(0, sut.TentativeCount);
        Assert.Equal((await _chain.GetFinalizedHeadAsync()).Number, sut.FinalizedTo);
    }

    [Fact]
    public async Task AdvanceAsync_WithdrawAndLockAfterDeposits_DebitTheProtocolPerToken()
    {
        var sut = Sut();
        await Deposit("d1", "p", "USDC", 700);
        await Deposit("d2", "q", "WETH", 9);
        await Blocks(sut, 1);
        await Move("w1", OperationKind.Withdraw, "p", "USDC", 200);
        await Move("l1", OperationKind.Lock, "q", "WETH", 4);

        var tentative = await Blocks(sut, 1);
        var inFlight = (Line(sut, "p", "USDC"), Line(sut, "q", "WETH"));
        await Blocks(sut, 2);

        Assert.Equal(2, tentative.Tentative);
        Assert.Equal(((UInt128.Zero, (UInt128)700, (UInt128)200), (UInt128.Zero, (UInt128)9, (UInt128)4)), inFlight);
        Assert.Equal(((UInt128)500, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(((UInt128)5, UInt128.Zero, UInt128.Zero), Line(sut, "q", "WETH"));
        Assert.Equal(4, sut.Applied);
    }

    [Fact]
    public async Task AdvanceAsync_TentativeDepositReorgedAway_IsUnappliedAndTheReplacementApplied()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 1);
        _chain.Reorg(1, ReorgMode.Drop);
        await Deposit("d2", "p", "USDC", 300);

        var step = await Blocks(sut, 1);
        var tentative = Line(sut, "p", "USDC");
        await Blocks(sut, 2);

        Assert.NotNull(step.Reorg);
        Assert.False(step.Reorg.FinalityBroken);
        Assert.Equal(1, step.Unapplied);
        Assert.Equal((UInt128.Zero, (UInt128)300, UInt128.Zero), tentative);
        Assert.Equal(((UInt128)300, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(await _chain.GetVaultBalanceAsync("USDC", "p"), Line(sut, "p", "USDC").Final);
        Assert.Equal((1L, 1L, 1L), (sut.Applied, sut.Unapplied, sut.Reorgs));
    }

    [Fact]
    public async Task AdvanceAsync_ReorgHandledThenTheRereadRejected_TheUnapplyStandsAndTheRangeIsReadAgain()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 1);
        _chain.Reorg(1, ReorgMode.Drop);
        await Deposit("d2", "p", "USDC", 300);
        _time.Advance(Chain.BlockTime);
        var version = sut.Version;
        _client.Movements = (_, _, events) => [.. events.Select(e => e with { ChainName = "local-b" })];

        await Assert.ThrowsAsync<ChainClientException>(() => Step(sut));
        var afterFailure = (sut.Reorgs, sut.LastReorg?.Unapplied, Line(sut, "p", "USDC"), sut.Version > version);
        _client.Movements = null;
        await Step(sut);

        Assert.Equal((1L, (int?)1, default((UInt128, UInt128, UInt128)), true), afterFailure);
        Assert.Equal((UInt128.Zero, (UInt128)300, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(1, sut.Reorgs);
    }

    [Fact]
    public async Task AdvanceAsync_ReorgAtTheSameHeightRequeuesTheDeposit_AppliedOnceInItsNewBlock()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 1);
        var first = (await _chain.GetOperationAsync(OperationId.FromName("d1"))).BlockHash;
        _chain.Reorg(1, ReorgMode.Requeue);

        var sameHeight = await Step(sut);
        var gone = Line(sut, "p", "USDC");
        await Blocks(sut, 3);

        Assert.Equal(1, sameHeight.Unapplied);
        Assert.Equal(default, gone);
        Assert.NotEqual(first, (await _chain.GetOperationAsync(OperationId.FromName("d1"))).BlockHash);
        Assert.Equal(((UInt128)700, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(1, sut.Applied);
    }

    [Fact]
    public async Task AdvanceAsync_RestartFromThePersistedState_ResumesAtTheCursorWithoutDoubleCounting()
    {
        var first = Sut();
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(first, 3);
        await Deposit("d2", "p", "WETH", 50);
        await Blocks(first, 1);
        var saved = RoundTrip(first.ToState());
        await Deposit("d3", "p", "USDC", 100);
        var ranges = new List<ulong>();
        _client.Movements = (from, _, events) =>
        {
            ranges.Add(from);
            return events;
        };

        var sut = Sut(saved);
        var resumed = (sut.Applied, sut.TentativeCount, Line(sut, "p", "WETH"));
        await Blocks(sut, 3);

        Assert.Equal((1L, 1, (UInt128.Zero, (UInt128)50, UInt128.Zero)), resumed);
        Assert.Equal(first.NextBlock, ranges[0]);
        Assert.Equal(((UInt128)800, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(((UInt128)50, UInt128.Zero, UInt128.Zero), Line(sut, "p", "WETH"));
        Assert.Equal(3, sut.Applied);
    }

    [Fact]
    public async Task AdvanceAsync_FarBehind_ReadsBoundedRangesAndKeepsABoundedWindow()
    {
        var options = new ChainMonitorOptions { IndexBlockRange = 4, IndexRangesPerPoll = 2, IndexRecentOperations = 3 };
        var sut = Sut(options: options);
        for (var i = 0; i < 6; i++)
        {
            await Deposit($"d{i}", "p", "USDC", 10);
            _time.Advance(Chain.BlockTime);
            await _chain.GetHeadAsync();
        }

        _time.Advance(Chain.BlockTime * 14);
        var calls = _client.MovementCalls;
        var first = await Step(sut);
        var (afterFirst, firstCalls) = (sut.NextBlock, _client.MovementCalls - calls);
        var steps = 1;
        ChainIndexStep next;
        do
        {
            steps++;
            next = await Step(sut);
        }
        while (!next.CaughtUp && steps < 10);

        var state = sut.ToState();
        Assert.False(first.CaughtUp);
        Assert.Equal((8UL, 2), (afterFirst, firstCalls));
        Assert.Equal(3, steps);
        Assert.Equal((await _chain.GetHeadAsync()).Number + 1, sut.NextBlock);
        Assert.Equal(((UInt128)60, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(3, state.RecentOperations.Count);
        Assert.InRange(state.Blocks.Count, 1, Chain.Confirmations + 1);
    }

    [Fact]
    public async Task AdvanceAsync_ReorgDeeperThanFinality_FinalEventsStayAndARequeuedOperationIsNotAppliedTwice()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 3);
        _chain.Reorg(3, ReorgMode.Requeue);

        var step = await Blocks(sut, 1);
        await Blocks(sut, 3);

        Assert.True(step.Reorg!.FinalityBroken);
        Assert.Equal(((UInt128)700, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(OperationState.Final, (await _chain.GetOperationAsync(OperationId.FromName("d1"))).State);
        Assert.Equal(1, sut.Applied);
    }

    public static TheoryData<string, string> Tamperings() => new()
    {
        { "reversed", "out of order" },
        { "outside", "asked for the events of blocks" },
        { "repeated", "repeats an operation id" },
        { "zero", "is malformed" },
        { "two hashes", "names block hash" },
        { "other chain", "is of chain 'local-b'" },
        { "overdraw", "which the index holds only 0" },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task AdvanceAsync_InvalidMovementsAnswer_RejectedNamingTheProblemAndNothingChanges(string tampering, string expected)
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        await Deposit("d2", "q", "USDC", 300);
        _time.Advance(Chain.BlockTime * 3);
        var before = Snapshot(sut);
        _client.Movements = (from, to, events) => tampering switch
        {
            "reversed" => [.. events.Reverse()],
            "outside" => [events[0] with { BlockNumber = to + 1 }, events[1]],
            "repeated" => [events[0], events[1] with { OperationId = events[0].OperationId }],
            "zero" => [events[0] with { Amount = UInt128.Zero }, events[1]],
            "two hashes" => [events[0], events[1] with { BlockHash = Bytes32.Sha256([1, 2, 3]) }],
            "other chain" => [events[0] with { ChainName = "local-b" }, events[1]],
            _ => [events[0] with { Kind = OperationKind.Withdraw }, events[1]],
        };

        var error = await Assert.ThrowsAsync<ChainClientException>(() => Step(sut));
        var after = Snapshot(sut);
        _client.Movements = null;
        await Step(sut);

        Assert.Equal(ChainErrorKind.InvalidResponse, error.Kind);
        Assert.Equal(ChainErrorCodes.InvalidResponse, error.Code);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, after);
        Assert.Equal(((UInt128)700, UInt128.Zero, UInt128.Zero), Line(sut, "p", "USDC"));
        Assert.Equal(((UInt128)300, UInt128.Zero, UInt128.Zero), Line(sut, "q", "USDC"));
    }

    [Fact]
    public async Task AdvanceAsync_EventNamesAnotherHashThanItsTentativeBlock_NothingAppliedUntilTheAnswersAgree()
    {
        var sut = Sut();
        await Step(sut);
        await Deposit("d1", "p", "USDC", 700);
        _time.Advance(Chain.BlockTime);
        _client.Movements = (_, _, events) => [.. events.Select(e => e with { BlockHash = Bytes32.Sha256([9]) })];

        var raced = await Step(sut);
        var line = Line(sut, "p", "USDC");
        _client.Movements = null;
        var agreed = await Step(sut);

        Assert.False(raced.CaughtUp);
        Assert.False(raced.CursorMoved);
        Assert.Equal(default, line);
        Assert.Equal(1, agreed.Tentative);
    }

    [Fact]
    public async Task RunAsync_IndexAndVaultAgree_ReconciledWithTentativeStatedApart()
    {
        var sut = Sut();
        await Deposit("d1", "p", "USDC", 700);
        await Deposit("d2", "q", "WETH", 9);
        await Blocks(sut, 3);
        await Move("w1", OperationKind.Withdraw, "q", "WETH", 2);
        _time.Advance(Chain.BlockTime);

        var report = await new ChainReconciler(Chain, _client, _time).RunAsync(sut, sut.AdvanceAsync, CancellationToken.None);

        var head = await _chain.GetHeadAsync();
        Assert.Equal(ReconciliationStatus.Reconciled, report.Status);
        Assert.Equal((head.Number, head.Hash.ToString(), head.Number - 2), (report.Block, report.BlockHash, report.FinalizedBlock));
        var weth = report.Tokens.Single(t => t.Asset == "WETH");
        Assert.Equal(((UInt128)9, UInt128.Zero, (UInt128)2, (UInt128)7, "0"), (weth.IndexedFinal, weth.TentativeIn, weth.TentativeOut, weth.OnChain, weth.Difference));
        Assert.Equal(Chain.Tokens.Select(t => t.Symbol), report.Tokens.Select(t => t.Asset));
        Assert.Equal([("p", "USDC"), ("q", "WETH")], report.Protocols.Select(l => (l.ProtocolId!, l.Asset)));
        Assert.All(report.Protocols, l => Assert.Equal(ReconciliationStatus.Reconciled, l.Status));
    }

    [Fact]
    public async Task RunAsync_TokensSentStraightToTheVault_TheTokenLineDiffersByThatAmount()
    {
        var sut = Sut();
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 3);
        _chain.Fund(Chain.Contracts.Vault, "USDC", 5);

        var report = await new ChainReconciler(Chain, _client, _time).RunAsync(sut, sut.AdvanceAsync, CancellationToken.None);

        var usdc = report.Tokens.Single(t => t.Asset == "USDC");
        Assert.Equal(ReconciliationStatus.Differs, report.Status);
        Assert.Equal((ReconciliationStatus.Differs, "5", (UInt128)705, (UInt128)700), (usdc.Status, usdc.Difference, usdc.OnChain, usdc.IndexedFinal));
        Assert.Equal(ReconciliationStatus.Reconciled, report.Tokens.Single(t => t.Asset == "WETH").Status);
        Assert.Equal(ReconciliationStatus.Reconciled, report.Protocols.Single().Status);
    }

    [Fact]
    public async Task RunAsync_FinalDepositDroppedByABrokenFinality_TheDifferenceIsTheLostDeposit()
    {
        var sut = Sut();
        await Deposit("d1", "p", "USDC", 700);
        await Blocks(sut, 3);
        _chain.Reorg(3, ReorgMode.Drop);

        var report = await new ChainReconciler(Chain, _client, _time).RunAsync(sut, sut.AdvanceAsync, CancellationToken.None);

        Assert.Equal(ReconciliationStatus.Differs, report.Status);
        Assert.Equal("-700", report.Tokens.Single(t => t.Asset == "USDC").Difference);
        Assert.Equal("-700", report.Protocols.Single().Difference);
    }

    [Fact]
    public async Task RunAsync_ChainLostFinalBlocks_RefusedNamingTheIndexAndTheHead()
    {
        var sut = Sut();
        await Blocks(sut, 6);
        var shorter = new TamperingChainClient(SimulatedChains.Create(Chain, _time));

        var error = await Assert.ThrowsAsync<ChainClientException>(() => new ChainReconciler(Chain, shorter, _time).RunAsync(sut, sut.AdvanceAsync, CancellationToken.None));

        Assert.Equal(ChainErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("the index has read up to block 4, applied as final up to 4, but the head is block 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_IndexStartsAboveTheHead_RefusedNamingTheSetting()
    {
        var sut = Sut(options: new ChainMonitorOptions { IndexFromBlock = 50 });
        _time.Advance(Chain.BlockTime * 3);

        var error = await Assert.ThrowsAsync<ChainClientException>(() => new ChainReconciler(Chain, _client, _time).RunAsync(sut, sut.AdvanceAsync, CancellationToken.None));

        Assert.Contains("the index starts at block 50 (Mesh:Chains:Monitor:IndexFromBlock), above the head, block 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ChainMonitorOptions.IndexBlockRange), 0, "must be greater than zero")]
    [InlineData(nameof(ChainMonitorOptions.IndexBlockRange), 100_001, "must be at most 100000")]
    [InlineData(nameof(ChainMonitorOptions.IndexRangesPerPoll), -1, "must be greater than zero")]
    [InlineData(nameof(ChainMonitorOptions.IndexRecentOperations), 0, "must be greater than zero")]
    [InlineData(nameof(ChainMonitorOptions.IndexRecentOperations), 1_000_001, "must be at most 1000000")]
    public void Validate_IndexSettingOutOfRange_NamesTheSetting(string setting, int value, string expected)
    {
        var sut = new ChainMonitorOptions();
        typeof(ChainMonitorOptions).GetProperty(setting)!.SetValue(sut, value);

        var error = Assert.Throws<ArgumentException>(sut.Validate);

        Assert.StartsWith($"Mesh:Chains:Monitor:{setting} {expected}", error.Message, StringComparison.Ordinal);
    }
}
