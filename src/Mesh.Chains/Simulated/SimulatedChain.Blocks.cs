using Mesh.Chains.Clients;

namespace Mesh.Chains.Simulated;

internal sealed partial class SimulatedChain
{
    /// <summary>Produces every block due by the clock, each at its scheduled timestamp. Under the lock.</summary>
    private void CatchUp()
    {
        if (_halted)
        {
            return;
        }

        var now = _time.GetUtcNow();
        while (_nextBlockAt <= now)
        {
            ProduceBlock(_nextBlockAt, forkNonce: 0, includeMempool: true);
            _nextBlockAt += _definition.BlockTime;
        }
    }

    private void ProduceBlock(DateTimeOffset timestamp, ulong forkNonce, bool includeMempool)
    {
        var parent = Head;
        var count = includeMempool ? Math.Min(_mempool.Count, _options.MaxOperationsPerBlock) : 0;
        IReadOnlyList<SimulatedTransaction> transactions = [];
        if (count > 0)
        {
            transactions = _mempool.GetRange(0, count);
            _mempool.RemoveRange(0, count);
        }

        var number = parent.Number + 1;
        var header = new BlockHeader(number, SimulatedHashes.Block(parent.Hash, number, timestamp, forkNonce, transactions), parent.Hash, timestamp);
        var logIndex = 0;
        foreach (var transaction in transactions)
        {
            var operation = transaction.Operation;
            if (_ledger.Check(operation) is { } failure)
            {
                transaction.Revert(header, failure.Code, failure.Reason);
                continue;
            }

            _ledger.Apply(operation);
            var (from, to) = _ledger.Route(operation);
            var movement = new MovementEvent(
                ChainName, operation.Id, operation.Kind, operation.ProtocolId, operation.Account, operation.Token,
                operation.Amount, from, to, number, header.Hash, transaction.Hash, logIndex++);
            transaction.Succeed(header, movement);
            _events.Add(movement);
        }

        _blocks.Add(new SimulatedBlock(header, transactions));
    }

    public IReadOnlyList<OperationId> Reorg(int depth, ReorgMode mode = ReorgMode.Requeue)
    {
        lock (_gate)
        {
            CatchUp();
            if (depth < 1 || (ulong)depth > Head.Number)
            {
                throw new ArgumentOutOfRangeException(nameof(depth), depth, $"Chain '{ChainName}' can reorganise 1 to {Head.Number} blocks.");
            }

            var removed = _blocks.GetRange(_blocks.Count - depth, depth);
            var fork = removed[0].Header.Number - 1;
            var unwound = removed.SelectMany(b => b.Transactions).ToList();
            for (var i = unwound.Count - 1; i >= 0; i--)
            {
                if (unwound[i].Movement is not null)
                {
                    _ledger.Undo(unwound[i].Operation);
                }

                unwound[i].Unwind(drop: mode == ReorgMode.Drop);
            }

            _blocks.RemoveRange(_blocks.Count - depth, depth);
            while (_events.Count > 0 && _events[^1].BlockNumber > fork)
            {
                _events.RemoveAt(_events.Count - 1);
            }

            if (mode == ReorgMode.Requeue)
            {
                _mempool.InsertRange(0, unwound);
            }

            foreach (var block in removed)
            {
                ProduceBlock(block.Header.Timestamp, forkNonce: (ulong)_random.NextInt64(1, long.MaxValue), includeMempool: false);
            }

            return unwound.Select(t => t.Operation.Id).ToList();
        }
    }
}
