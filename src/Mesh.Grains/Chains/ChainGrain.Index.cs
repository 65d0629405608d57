using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Errors;

namespace Mesh.Grains.Chains;

/// <summary>The chain grain's event index: one step per good poll, the indexed inventory and the reconciliation.</summary>
internal sealed partial class ChainGrain
{
    private ChainIndexer Indexer => _monitor is null ? throw Unknown() : _indexer!;

    public Task<IndexedInventory> IndexedInventory(CancellationToken cancellationToken = default)
    {
        var indexer = Indexer;
        var read = indexer.NextBlock > indexer.StartBlock;
        return Task.FromResult(new IndexedInventory(
            indexer.Chain.Name,
            read ? indexer.NextBlock - 1 : null,
            read ? indexer.TopHash?.ToString() : null,
            indexer.FinalizedTo,
            indexer.Lines(),
            indexer.TentativeCount,
            indexer.Applied,
            indexer.Unapplied,
            indexer.Reorgs,
            _indexError?.Code,
            _indexError?.Message,
            _indexErrorAt));
    }

    public async Task<ReconciliationReport> Reconcile(CancellationToken cancellationToken = default)
    {
        var indexer = Indexer;
        var chain = indexer.Chain.Name;
        ReconciliationReport report;
        try
        {
            report = await new ChainReconciler(indexer.Chain, _client!, time)
                .RunAsync(indexer, (head, finalized, ct) => Index(head, finalized, rethrow: true, ct)!, cancellationToken);
        }
        catch (ChainClientException e)
        {
            // The steps taken before the failure are kept in memory; the next poll writes them when due.
            throw new MeshException(MeshErrorKind.Unavailable, "chain.unavailable", $"Chain '{chain}' cannot be reconciled now ({e.Code}): {e.Message}");
        }

        if (indexer.Version != _persistedIndexVersion)
        {
            await Persist(cancellationToken);
        }

        if (report.Status == ReconciliationStatus.Differs)
        {
            foreach (var line in report.Tokens.Concat(report.Protocols).Where(l => l.Status == ReconciliationStatus.Differs))
            {
                LogReconciliationDiffers(logger, chain, report.Block, line.Asset, line.ProtocolId ?? "(all)", line.Difference);
            }
        }

        return report;
    }

    /// <summary>Runs one index step; records, counts and logs it. A failure is recorded and, unless <paramref name="rethrow"/>, answered as null.</summary>
    private async Task<ChainIndexStep?> Index(BlockHeader head, ulong finalized, bool rethrow, CancellationToken cancellationToken)
    {
        var indexer = Indexer;
        var chain = indexer.Chain.Name;
        using var activity = ChainIndexDiagnostics.Start(chain, indexer.NextBlock);
        var reorgs = indexer.Reorgs;
        ChainIndexStep step;
        try
        {
            step = await indexer.AdvanceAsync(head, finalized, cancellationToken);
        }
        catch (ChainClientException e)
        {
            if (indexer.Reorgs != reorgs && indexer.LastReorg is { } handled)
            {
                // The step handled a reorganisation before it failed: that part stands.
                Report(chain, handled);
            }

            (_indexError, _indexErrorAt) = (e, time.GetUtcNow());
            ChainIndexDiagnostics.Failed(activity, chain, e.Code);
            if (e.Kind == ChainErrorKind.InvalidResponse)
            {
                LogIndexRejected(logger, chain, indexer.NextBlock, e.Message);
            }
            else
            {
                LogIndexFailed(logger, chain, indexer.NextBlock, e.Code, e.Message);
            }

            if (rethrow)
            {
                throw;
            }

            return null;
        }

        ChainIndexDiagnostics.Record(chain, step);
        if (step.Reorg is { } reorg)
        {
            Report(chain, reorg);
        }

        return step;
    }

    private void Report(string chain, ChainIndexReorg reorg)
    {
        ChainIndexDiagnostics.Record(chain, reorg);
        if (reorg.FinalityBroken)
        {
            LogIndexFinalityBroken(logger, chain, reorg.Ancestor, reorg.OldTop, reorg.Unapplied);
        }
        else
        {
            LogIndexReorg(logger, chain, reorg.Ancestor, reorg.OldTop, reorg.Unapplied);
        }
    }

    private MeshException Unknown() =>
        new(MeshErrorKind.NotFound, "chain.unknown", $"'{this.GetPrimaryKeyString()}' is not a chain of this mesh.");
}
