using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;

namespace Mesh.Grains.Chains;

/// <summary>
/// Watches one chain through its <see cref="IChainClient"/>: each poll reads the finalized head and the head,
/// validates them against what it saw before (detecting and measuring reorganisations), re-reads the vault
/// contract's inventory when the head moved, counts calls and classifies the health. A failed call or a rejected
/// answer fails the poll and changes nothing but the counters. Not thread-safe: one grain activation drives it.
/// </summary>
internal sealed partial class ChainMonitor
{
    private readonly ChainDefinition _chain;
    private readonly IChainClient _client;
    private readonly ChainMonitorOptions _options;
    private readonly TimeProvider _time;
    private readonly RpcCallWindow _calls;
    private readonly SortedList<ulong, BlockHeader> _remembered = [];
    private readonly ChainState _restored;
    private Bytes32? _inventoryHash;

    public ChainMonitor(ChainDefinition chain, IChainClient client, ChainMonitorOptions options, TimeProvider time, ChainState? restored = null)
    {
        (_chain, _client, _options, _time) = (chain, client, options, time);
        _calls = new RpcCallWindow(options.RpcWindow);
        _restored = restored ?? new ChainState();
        (Reorgs, LastReorgDepth, LastReorgAt) = (_restored.Reorgs, _restored.LastReorgDepth, _restored.LastReorgAt);
        HealthSince = time.GetUtcNow();
        (Health, HealthReason) = ChainHealthClassifier.Classify(Inputs(HealthSince), options);
    }

    public ChainDefinition Chain => _chain;

    public BlockHeader? Head { get; private set; }

    public ulong? FinalizedNumber { get; private set; }

    public DateTimeOffset AdvancedAt { get; private set; }

    public ChainHealth Health { get; private set; }

    public string HealthReason { get; private set; }

    public DateTimeOffset HealthSince { get; private set; }

    public int FailedPollsInARow { get; private set; }

    public int? GoodPollsSinceFailure { get; private set; }

    public ChainClientException? LastError { get; private set; }

    public DateTimeOffset? LastErrorAt { get; private set; }

    public long InvalidResponses { get; private set; }

    public long Reorgs { get; private set; }

    public int? LastReorgDepth { get; private set; }

    public DateTimeOffset? LastReorgAt { get; private set; }

    public ChainInventory? Inventory { get; private set; }

    public DateTimeOffset? CheckedAt { get; private set; }

    /// <summary>Polls the chain once; never throws a <see cref="ChainClientException"/>, it records it.</summary>
    public async Task<ChainPollOutcome> PollAsync(CancellationToken cancellationToken)
    {
        ChainReorg? reorg = null;
        ChainClientException? failure = null;
        try
        {
            var finalized = await Call(_client.GetFinalizedHeadAsync, cancellationToken);
            var head = await Call(_client.GetHeadAsync, cancellationToken);
            reorg = await ObserveAsync(head, finalized, _time.GetUtcNow(), cancellationToken);
            if (_inventoryHash != Head!.Hash)
            {
                Inventory = await ReadInventoryAsync(cancellationToken);
                _inventoryHash = Head.Hash;
            }

            FailedPollsInARow = 0;
            GoodPollsSinceFailure = GoodPollsSinceFailure + 1;
        }
        catch (ChainClientException e)
        {
            failure = e;
            FailedPollsInARow++;
            GoodPollsSinceFailure = 0;
            (LastError, LastErrorAt) = (e, _time.GetUtcNow());
            if (e.Kind == ChainErrorKind.InvalidResponse)
            {
                InvalidResponses++;
            }
        }

        var initial = CheckedAt is null;
        CheckedAt = _time.GetUtcNow();
        var previous = Health;
        Reclassify();
        return new ChainPollOutcome(previous, Health, HealthReason, reorg, failure, initial);
    }

    /// <summary>Re-evaluates the health as of now (a chain turns halted between polls too).</summary>
    public ChainPollOutcome Reclassify()
    {
        var previous = Health;
        var now = _time.GetUtcNow();
        (Health, HealthReason) = ChainHealthClassifier.Classify(Inputs(now), _options);
        if (Health != previous)
        {
            HealthSince = now;
        }

        return new ChainPollOutcome(previous, Health, HealthReason, null, null);
    }

    /// <summary>Reads the vault contract's balance of every collateral token now.</summary>
    public async Task<ChainInventory> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        var vault = _chain.Contracts.Vault;
        var lines = new List<InventoryLine>(_chain.Tokens.Count);
        foreach (var token in _chain.Tokens)
        {
            var amount = await Call(ct => _client.GetBalanceAsync(token.Symbol, vault, ct), cancellationToken);
            lines.Add(new InventoryLine(token.Symbol, token.Address, token.Decimals, amount));
        }

        return new ChainInventory(_chain.Name, vault, Head?.Number, _time.GetUtcNow(), lines);
    }

    public (int Successes, int Failures) CallCounts() => _calls.Counts(_time.GetUtcNow());

    public TimeSpan CallWindow => _calls.Window;

    /// <summary>What must survive a restart.</summary>
    public ChainState ToState() => new()
    {
        HeadNumber = Head?.Number ?? _restored.HeadNumber,
        HeadHash = Head?.Hash.ToString() ?? _restored.HeadHash,
        AdvancedAt = Head is null ? _restored.AdvancedAt : AdvancedAt,
        Reorgs = Reorgs,
        LastReorgDepth = LastReorgDepth,
        LastReorgAt = LastReorgAt,
    };

    private ChainHealthInputs Inputs(DateTimeOffset now)
    {
        var sinceAdvance = Head is null ? TimeSpan.Zero : now - AdvancedAt;
        var headAge = Head is null ? TimeSpan.Zero : now - Head.Timestamp;
        return new ChainHealthInputs(
            _chain.BlockTime,
            Head is not null,
            FailedPollsInARow,
            GoodPollsSinceFailure,
            sinceAdvance < TimeSpan.Zero ? TimeSpan.Zero : sinceAdvance,
            headAge < TimeSpan.Zero ? TimeSpan.Zero : headAge,
            LastError?.Code);
    }

    private async Task<T> Call<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await call(cancellationToken);
            _calls.Record(_time.GetUtcNow(), ok: true);
            return answer;
        }
        catch (ChainClientException)
        {
            _calls.Record(_time.GetUtcNow(), ok: false);
            throw;
        }
    }

    private ChainClientException Invalid(string message)
    {
        _calls.Record(_time.GetUtcNow(), ok: false);
        return new ChainClientException(_chain.Name, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"Chain '{_chain.Name}': {message}");
    }
}
