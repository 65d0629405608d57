using Mesh.Chains.Clients;

namespace Mesh.Grains.Chains;

/// <summary>Reorganisation handling: the remembered hashes of the blocks read are checked against the chain before anything new is read.</summary>
internal sealed partial class ChainIndexer
{
    /// <summary>
    /// Finds the highest remembered block the chain still has; when a block above it changed or vanished, un-applies
    /// the tentative events above it and moves the cursor back so that those blocks are read again.
    /// </summary>
    private async Task<ChainIndexReorg?> ReorgAsync(BlockHeader head, CancellationToken cancellationToken)
    {
        if (_blocks.Count == 0)
        {
            return null;
        }

        var top = _blocks.Keys[^1];
        if (head.Number == top + 1 && head.ParentHash == _blocks.Values[^1])
        {
            return null;
        }

        ulong? ancestor = null;
        for (var i = _blocks.Count - 1; i >= 0; i--)
        {
            var (number, known) = (_blocks.Keys[i], _blocks.Values[i]);
            var canonical = number == head.Number ? head : number > head.Number ? null : await BlockAsync(number, head, cancellationToken);
            if (canonical?.Hash == known)
            {
                ancestor = number;
                break;
            }
        }

        if (ancestor == top)
        {
            return null;
        }

        var lowest = _blocks.Keys[0];
        var fork = ancestor ?? (lowest > 0 ? lowest - 1 : throw Invalid($"block 0 changed from {_blocks.Values[0]}: this is another chain."));
        var broken = ancestor is null && lowest <= FinalizedTo;
        var removed = _tentative.RemoveAll(m => m.Block > fork);
        while (_blocks.Count > 0 && _blocks.Keys[^1] > fork)
        {
            _blocks.RemoveAt(_blocks.Count - 1);
        }

        // Final events cannot be un-applied: blocks up to FinalizedTo are not read again (no double count), the
        // reconciliation shows what the broken finality left behind.
        var resume = FinalizedTo is { } final && final > fork ? final + 1 : fork + 1;
        NextBlock = Math.Min(NextBlock, resume);
        Unapplied += removed;
        Reorgs++;
        Version++;
        LastReorg = new ChainIndexReorg(fork, top, removed, broken);
        return LastReorg;
    }

    private async Task<BlockHeader> BlockAsync(ulong number, BlockHeader head, CancellationToken cancellationToken)
    {
        var block = await _client.GetBlockAsync(number, cancellationToken);
        if (block is null || block.Number != number)
        {
            throw Invalid($"asked for block {number} below head {head.Number}, the chain answered {(block is null ? "none" : $"block {block.Number}")}.");
        }

        return block;
    }
}
