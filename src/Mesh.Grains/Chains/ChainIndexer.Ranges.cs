using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>Reading one block range: headers of its tentative blocks, its events, validation, then one commit.</summary>
internal sealed partial class ChainIndexer
{
    /// <summary>Reads the next range; null when the chain reorganised while it was read (nothing changed, the next step re-checks).</summary>
    private async Task<(int Final, int Tentative)?> ReadRangeAsync(BlockHeader head, ulong finalized, CancellationToken cancellationToken)
    {
        var from = NextBlock;
        var to = Math.Min(head.Number, from + (ulong)(_options.IndexBlockRange - 1));
        var headers = new SortedList<ulong, BlockHeader>();
        for (var n = Math.Max(from, finalized + 1); n <= to; n++)
        {
            var header = n == head.Number ? head : await BlockAsync(n, head, cancellationToken);
            Bytes32? parent = headers.TryGetValue(n - 1, out var below) ? below.Hash : _blocks.TryGetValue(n - 1, out var known) ? known : null;
            if (parent is { } expected && header.ParentHash != expected)
            {
                return null;
            }

            headers[n] = header;
        }

        var events = await _client.GetMovementsAsync(from, to, cancellationToken)
            ?? throw Invalid($"the chain answered no list for the events of blocks {from}–{to}.");
        if (Validate(events, from, to, headers) is not { } movements)
        {
            return null;
        }

        var final = movements.TakeWhile(m => m.Block <= finalized).ToList();
        var tentative = movements.GetRange(final.Count, movements.Count - final.Count);
        var totals = Fold(final);

        Commit(totals, final);
        _tentative.AddRange(tentative);
        foreach (var (number, header) in headers)
        {
            _blocks[number] = header.Hash;
        }

        NextBlock = to + 1;
        var finalTo = Math.Min(finalized, to);
        if (FinalizedTo is null || finalTo > FinalizedTo)
        {
            FinalizedTo = finalTo;
        }

        Version++;
        return (final.Count, tentative.Count);
    }

    /// <summary>
    /// Checks an answer of <see cref="IChainClient.GetMovementsAsync"/> for blocks <paramref name="from"/> to
    /// <paramref name="to"/> and returns its movements to apply (without those already applied as final); null when an
    /// event names another hash for a tentative block than its header (the chain moved between the two reads).
    /// </summary>
    private List<IndexedMovement>? Validate(IReadOnlyList<MovementEvent> events, ulong from, ulong to, SortedList<ulong, BlockHeader> headers)
    {
        var movements = new List<IndexedMovement>(events.Count);
        var seen = new HashSet<OperationId>();
        var tentative = _tentative.Select(m => m.OperationId).ToHashSet();
        var hashes = new Dictionary<ulong, Bytes32>();
        var raced = false;
        MovementEvent? previous = null;
        foreach (var e in events)
        {
            if (e is null)
            {
                throw Invalid($"the events of blocks {from}–{to} hold a null entry.");
            }

            var where = $"the event of operation {e.OperationId} (block {e.BlockNumber}, log {e.LogIndex}, transaction {e.TransactionHash})";
            if (!string.Equals(e.ChainName, _chain.Name, StringComparison.Ordinal))
            {
                throw Invalid($"{where} is of chain '{e.ChainName}'.");
            }

            if (e.BlockNumber < from || e.BlockNumber > to)
            {
                throw Invalid($"asked for the events of blocks {from}–{to}, the chain answered {where}.");
            }

            if (previous is not null && (e.BlockNumber < previous.BlockNumber || (e.BlockNumber == previous.BlockNumber && e.LogIndex <= previous.LogIndex)))
            {
                throw Invalid($"the events of blocks {from}–{to} are out of order: {where} comes after block {previous.BlockNumber}, log {previous.LogIndex}.");
            }

            if (e.LogIndex < 0 || e.Amount == UInt128.Zero || !Enum.IsDefined(e.Kind) || e.BlockHash.IsZero || e.TransactionHash.IsZero
                || string.IsNullOrWhiteSpace(e.ProtocolId) || string.IsNullOrWhiteSpace(e.Token))
            {
                throw Invalid($"{where} is malformed (kind {e.Kind}, amount {e.Amount}, protocol '{e.ProtocolId}', token '{e.Token}', block hash {e.BlockHash}).");
            }

            if (hashes.TryGetValue(e.BlockNumber, out var hash) && hash != e.BlockHash)
            {
                throw Invalid($"{where} names block hash {e.BlockHash}, another event of the same block {hash}.");
            }

            if (!seen.Add(e.OperationId) || tentative.Contains(e.OperationId))
            {
                throw Invalid($"{where} repeats an operation id the index already holds as tentative or saw earlier in the answer.");
            }

            hashes[e.BlockNumber] = e.BlockHash;
            previous = e;
            raced |= headers.TryGetValue(e.BlockNumber, out var header) && header.Hash != e.BlockHash;

            // Idempotent: an operation already applied as final is not applied again.
            if (!_recentSet.Contains(e.OperationId))
            {
                movements.Add(IndexedMovement.From(e));
            }
        }

        return raced ? null : movements;
    }
}
