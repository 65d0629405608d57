using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>
/// Head validation and reorganisation detection. Everything is checked before anything is changed: a rejected
/// answer leaves the head, the finalized number and the remembered blocks as they were.
/// </summary>
internal sealed partial class ChainMonitor
{
    private async Task<ChainReorg?> ObserveAsync(BlockHeader head, BlockHeader finalized, DateTimeOffset now, CancellationToken cancellationToken)
    {
        CheckAnswer(head, finalized, now);
        var previous = Head;
        if (previous is null)
        {
            var same = _restored.HeadNumber == head.Number && _restored.HeadHash == head.Hash.ToString();
            Commit(head, finalized, [head], ancestor: null, advancedAt: same ? _restored.AdvancedAt ?? now : now);
            return null;
        }

        ulong? ancestor = null;
        IReadOnlyList<BlockHeader> fresh = [];
        if (head.Number > previous.Number)
        {
            fresh = await SegmentAsync(previous.Number + 1, head, cancellationToken);
            var adjacent = fresh[0].Number == previous.Number + 1;
            var linked = adjacent
                ? fresh[0].ParentHash == previous.Hash
                : (await BlockAsync(previous.Number, head.Number, cancellationToken)).Hash == previous.Hash;
            if (!linked)
            {
                ancestor = await FindAncestorAsync(previous.Number, null, cancellationToken);
            }
            else if (adjacent && fresh[0].Timestamp < previous.Timestamp)
            {
                throw Invalid($"block {fresh[0].Number} is stamped {fresh[0].Timestamp:O}, before its parent ({previous.Timestamp:O}).");
            }
        }
        else if (head.Number == previous.Number)
        {
            if (head.Hash == previous.Hash)
            {
                CheckFinalizedDoesNotGoBack(finalized);
                FinalizedNumber = finalized.Number;
                return null;
            }

            ancestor = await FindAncestorAsync(head.Number, head, cancellationToken);
        }
        else if (!_remembered.TryGetValue(head.Number, out var known))
        {
            throw Invalid($"the head went back from block {previous.Number} to {head.Number}, further than the {_remembered.Count} blocks the mesh remembers.");
        }
        else if (known.Hash == head.Hash)
        {
            throw Invalid($"the head went back from block {previous.Number} to {head.Number} on the same branch (block {head.Number} kept its hash): the node lags.");
        }
        else
        {
            ancestor = await FindAncestorAsync(head.Number, head, cancellationToken);
        }

        if (ancestor is not { } fork)
        {
            CheckFinalizedDoesNotGoBack(finalized);
            Commit(head, finalized, fresh, ancestor: null, advancedAt: now);
            return null;
        }

        if (fork >= previous.Number)
        {
            throw Invalid($"block {previous.Number} kept its hash {previous.Hash} but block {previous.Number + 1} does not name it as parent.");
        }

        fresh = await SegmentAsync(fork + 1, head, cancellationToken);
        var reorg = new ChainReorg(previous.Number, head.Number, fork, (int)Math.Min(previous.Number - fork, int.MaxValue), FinalizedNumber > fork);
        Commit(head, finalized, fresh, fork, now);
        Reorgs++;
        (LastReorgDepth, LastReorgAt) = (reorg.Depth, now);
        return reorg;
    }

    private void CheckAnswer(BlockHeader head, BlockHeader finalized, DateTimeOffset now)
    {
        if (head.Timestamp > now + _options.MaxFutureSkew)
        {
            throw Invalid($"head block {head.Number} is stamped {head.Timestamp:O}, more than {_options.MaxFutureSkew} ahead of the mesh's clock ({now:O}).");
        }

        var confirmations = (ulong)_chain.Confirmations;
        var highestFinal = head.Number >= confirmations ? head.Number - confirmations : 0;
        if (finalized.Number > highestFinal)
        {
            throw Invalid($"the finalized block {finalized.Number} has fewer than {confirmations} blocks on top of it (head {head.Number}).");
        }

        if (head.Number > 0 && head.ParentHash.IsZero)
        {
            throw Invalid($"head block {head.Number} has no parent hash.");
        }
    }

    private void CheckFinalizedDoesNotGoBack(BlockHeader finalized)
    {
        if (finalized.Number < FinalizedNumber)
        {
            throw Invalid($"the finalized head went back from block {FinalizedNumber} to {finalized.Number} without a reorganisation.");
        }
    }

    /// <summary>The canonical blocks <paramref name="from"/> to the head, linked by parent hash; just the head when that is more than the mesh remembers.</summary>
    private async Task<IReadOnlyList<BlockHeader>> SegmentAsync(ulong from, BlockHeader head, CancellationToken cancellationToken)
    {
        if (head.Number - from >= (ulong)_options.RememberedBlocks)
        {
            return [head];
        }

        var blocks = new List<BlockHeader>();
        for (var n = from; n < head.Number; n++)
        {
            blocks.Add(await BlockAsync(n, head.Number, cancellationToken));
        }

        blocks.Add(head);
        for (var i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].ParentHash != blocks[i - 1].Hash)
            {
                throw Invalid($"block {blocks[i].Number} does not name block {blocks[i - 1].Number} ({blocks[i - 1].Hash}) as parent: the answers disagree.");
            }

            if (blocks[i].Timestamp < blocks[i - 1].Timestamp)
            {
                throw Invalid($"block {blocks[i].Number} is stamped {blocks[i].Timestamp:O}, before its parent ({blocks[i - 1].Timestamp:O}).");
            }
        }

        return blocks;
    }

    /// <summary>
    /// Walks down from <paramref name="from"/> through the remembered blocks to the highest one the chain still has;
    /// when none of them survives, the block just below the remembered ones (the depth is then a lower bound).
    /// </summary>
    private async Task<ulong> FindAncestorAsync(ulong from, BlockHeader? canonicalAtFrom, CancellationToken cancellationToken)
    {
        var n = from;
        while (_remembered.TryGetValue(n, out var known))
        {
            var canonical = n == from && canonicalAtFrom is not null ? canonicalAtFrom : await BlockAsync(n, from, cancellationToken);
            if (canonical.Hash == known.Hash)
            {
                return n;
            }

            if (n == 0)
            {
                throw Invalid($"the genesis block changed from {known.Hash} to {canonical.Hash}: this is another chain.");
            }

            n--;
        }

        return n;
    }

    private async Task<BlockHeader> BlockAsync(ulong number, ulong head, CancellationToken cancellationToken)
    {
        var block = await Call(ct => _client.GetBlockAsync(number, ct), cancellationToken);
        if (block is null || block.Number != number)
        {
            throw Invalid($"asked for block {number} below head {head}, the chain answered {(block is null ? "none" : $"block {block.Number}")}.");
        }

        return block;
    }

    private void Commit(BlockHeader head, BlockHeader finalized, IReadOnlyList<BlockHeader> fresh, ulong? ancestor, DateTimeOffset advancedAt)
    {
        if (ancestor is { } fork)
        {
            while (_remembered.Count > 0 && _remembered.Keys[^1] > fork)
            {
                _remembered.RemoveAt(_remembered.Count - 1);
            }
        }

        if (fresh.Count == 1 && _remembered.Count > 0 && _remembered.Keys[^1] + 1 != head.Number)
        {
            // A gap longer than the memory: what is remembered no longer links to the head.
            _remembered.Clear();
        }

        foreach (var block in fresh)
        {
            _remembered[block.Number] = block;
        }

        while (_remembered.Count > _options.RememberedBlocks)
        {
            _remembered.RemoveAt(0);
        }

        (Head, FinalizedNumber, AdvancedAt) = (head, finalized.Number, advancedAt);
    }
}
