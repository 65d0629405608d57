using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;

namespace Mesh.Grains.Chains;

/// <summary>
/// Follows one chain's vault <c>Movement</c> events with <see cref="IChainClient.GetMovementsAsync"/> in bounded block
/// ranges and keeps the mesh's inventory per protocol and token: events of final blocks fold into the totals, events
/// of blocks above the finalized head are tentative and fold in once the chain's confirmations are on top. It
/// remembers the hashes of the tentative blocks it read; when one changes (a reorganisation), it un-applies the
/// tentative events of the orphaned blocks and reads them again. Every step validates the chain's answers before it
/// changes anything: a rejected answer throws a <see cref="ChainClientException"/> and leaves the index as it was.
/// Not thread-safe: one grain activation drives it.
/// </summary>
internal sealed partial class ChainIndexer
{
    private readonly ChainDefinition _chain;
    private readonly IChainClient _client;
    private readonly ChainMonitorOptions _options;
    private readonly Dictionary<(string Protocol, string Token), UInt128> _totals = [];
    private readonly List<IndexedMovement> _tentative = [];
    private readonly SortedList<ulong, Bytes32> _blocks = [];
    private readonly Queue<OperationId> _recent = new();
    private readonly HashSet<OperationId> _recentSet = [];

    public ChainIndexer(ChainDefinition chain, IChainClient client, ChainMonitorOptions options, ChainIndexState? restored = null)
    {
        (_chain, _client, _options) = (chain, client, options);
        NextBlock = options.IndexFromBlock;
        if (restored is null)
        {
            return;
        }

        (NextBlock, FinalizedTo, Applied, Unapplied, Reorgs) = (restored.NextBlock, restored.FinalizedTo, restored.Applied, restored.Unapplied, restored.Reorgs);
        foreach (var total in restored.Totals)
        {
            _totals[(total.Protocol, total.Token)] = total.Amount;
        }

        _tentative.AddRange(restored.Tentative.Select(IndexedMovement.From));
        foreach (var block in restored.Blocks)
        {
            _blocks[block.Number] = Bytes32.Parse(block.Hash);
        }

        foreach (var id in restored.RecentOperations)
        {
            Remember(OperationId.Parse(id));
        }
    }

    public ChainDefinition Chain => _chain;

    /// <summary>The first block the index reads (<see cref="ChainMonitorOptions.IndexFromBlock"/>).</summary>
    public ulong StartBlock => _options.IndexFromBlock;

    /// <summary>The next block to read.</summary>
    public ulong NextBlock { get; private set; }

    /// <summary>The highest block whose events are applied as final.</summary>
    public ulong? FinalizedTo { get; private set; }

    public long Applied { get; private set; }

    public long Unapplied { get; private set; }

    public long Reorgs { get; private set; }

    /// <summary>How many tentative events the index holds.</summary>
    public int TentativeCount => _tentative.Count;

    /// <summary>Changes with every change of the index (a reorganisation handled, events finalized, a range read), also within a step that then fails.</summary>
    public long Version { get; private set; }

    /// <summary>The latest reorganisation handled, if any since activation.</summary>
    public ChainIndexReorg? LastReorg { get; private set; }

    /// <summary>
    /// Brings the index towards <paramref name="head"/>: handles a reorganisation of the blocks it read, folds the
    /// tentative events of newly final blocks into the totals, and reads at most
    /// <see cref="ChainMonitorOptions.IndexRangesPerPoll"/> ranges of new blocks.
    /// </summary>
    /// <param name="head">The chain's head, read just before.</param>
    /// <param name="finalized">The chain's finalized block number at that head.</param>
    /// <param name="cancellationToken">Cancels the step.</param>
    /// <returns>What the step did.</returns>
    public async Task<ChainIndexStep> AdvanceAsync(BlockHeader head, ulong finalized, CancellationToken cancellationToken)
    {
        var cursor = NextBlock;
        if (finalized > head.Number)
        {
            throw Invalid($"the finalized block {finalized} is above the head {head.Number}.");
        }

        var reorg = await ReorgAsync(head, cancellationToken);
        var final = Finalize(finalized);
        var tentative = 0;
        for (var i = 0; i < _options.IndexRangesPerPoll && NextBlock <= head.Number; i++)
        {
            var read = await ReadRangeAsync(head, finalized, cancellationToken);
            if (read is not { } counts)
            {
                break;
            }

            final += counts.Final;
            tentative += counts.Tentative;
        }

        return new ChainIndexStep(final, tentative, reorg?.Unapplied ?? 0, reorg, NextBlock > head.Number, NextBlock != cursor);
    }

    /// <summary>The indexed inventory per protocol and token, ordered by protocol then token.</summary>
    public IReadOnlyList<IndexedLine> Lines()
    {
        var lines = new SortedDictionary<(string Protocol, string Token), (UInt128 Final, UInt128 In, UInt128 Out)>(
            Comparer<(string Protocol, string Token)>.Create((a, b) =>
            {
                var order = string.CompareOrdinal(a.Protocol, b.Protocol);
                return order != 0 ? order : string.CompareOrdinal(a.Token, b.Token);
            }));
        foreach (var (key, amount) in _totals)
        {
            lines[key] = (amount, UInt128.Zero, UInt128.Zero);
        }

        foreach (var movement in _tentative)
        {
            var key = (movement.Protocol, movement.Token);
            var (final, credit, debit) = lines.GetValueOrDefault(key);
            lines[key] = movement.Credits ? (final, checked(credit + movement.Amount), debit) : (final, credit, checked(debit + movement.Amount));
        }

        return [.. lines.Select(l => new IndexedLine(l.Key.Protocol, l.Key.Token, l.Value.Final, l.Value.In, l.Value.Out))];
    }

    /// <summary>The hash of the highest block read while it is not final yet.</summary>
    public Bytes32? TopHash => _blocks.Count > 0 && _blocks.Keys[^1] + 1 == NextBlock ? _blocks.Values[^1] : null;

    /// <summary>A snapshot of everything that must survive a restart.</summary>
    public ChainIndexState ToState() => new()
    {
        NextBlock = NextBlock,
        FinalizedTo = FinalizedTo,
        Totals = [.. _totals.OrderBy(t => t.Key.Protocol, StringComparer.Ordinal).ThenBy(t => t.Key.Token, StringComparer.Ordinal)
            .Select(t => new IndexedTotalState { Protocol = t.Key.Protocol, Token = t.Key.Token, Amount = t.Value })],
        Tentative = [.. _tentative.Select(m => m.ToState())],
        Blocks = [.. _blocks.Select(b => new IndexedBlockState { Number = b.Key, Hash = b.Value.ToString() })],
        RecentOperations = [.. _recent.Select(id => id.ToString())],
        Applied = Applied,
        Unapplied = Unapplied,
        Reorgs = Reorgs,
    };

    /// <summary>Folds the tentative events of blocks up to <paramref name="finalized"/> (and read) into the totals.</summary>
    private int Finalize(ulong finalized)
    {
        var upTo = NextBlock == 0 ? (ulong?)null : Math.Min(finalized, NextBlock - 1);
        if (upTo is not { } final || final <= FinalizedTo)
        {
            return 0;
        }

        var ready = _tentative.TakeWhile(m => m.Block <= final).ToList();
        var totals = Fold(ready);
        Commit(totals, ready);
        _tentative.RemoveRange(0, ready.Count);
        while (_blocks.Count > 0 && _blocks.Keys[0] < final)
        {
            _blocks.RemoveAt(0);
        }

        FinalizedTo = final;
        Version++;
        return ready.Count;
    }

    /// <summary>The totals after <paramref name="movements"/>, computed apart; nothing changes until <see cref="Commit"/>.</summary>
    private Dictionary<(string Protocol, string Token), UInt128> Fold(List<IndexedMovement> movements)
    {
        var changed = new Dictionary<(string Protocol, string Token), UInt128>();
        foreach (var m in movements)
        {
            var key = (m.Protocol, m.Token);
            var current = changed.TryGetValue(key, out var seen) ? seen : _totals.GetValueOrDefault(key);
            if (!m.Credits && current < m.Amount)
            {
                throw Invalid($"the {m.Kind.ToString().ToLowerInvariant()} {m.OperationId} of block {m.Block} takes {m.Amount} {m.Token} from protocol '{m.Protocol}', "
                    + $"which the index holds only {current} of (did {ChainMonitorOptions.Section}:{nameof(ChainMonitorOptions.IndexFromBlock)} skip earlier movements?).");
            }

            changed[key] = m.Credits ? checked(current + m.Amount) : current - m.Amount;
        }

        return changed;
    }

    private void Commit(Dictionary<(string Protocol, string Token), UInt128> totals, List<IndexedMovement> applied)
    {
        foreach (var (key, amount) in totals)
        {
            _totals[key] = amount;
        }

        foreach (var m in applied)
        {
            Remember(m.OperationId);
        }

        Applied += applied.Count;
    }

    private void Remember(OperationId id)
    {
        if (_recentSet.Add(id))
        {
            _recent.Enqueue(id);
        }

        while (_recent.Count > _options.IndexRecentOperations)
        {
            _recentSet.Remove(_recent.Dequeue());
        }
    }

    private ChainClientException Invalid(string message) =>
        new(_chain.Name, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, $"Chain '{_chain.Name}': {message}");
}
