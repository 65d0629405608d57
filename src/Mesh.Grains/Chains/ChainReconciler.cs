using System.Globalization;
using System.Numerics;
using Mesh.Chains;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;

namespace Mesh.Grains.Chains;

/// <summary>
/// Compares the chain index with the vault contract at one head: reads the head, brings the index up to exactly that
/// block, reads the contract's balances (per token <c>balanceOf(vault)</c>, per protocol its vault balance) and reads
/// the head again; when the chain moved in between it starts over, at most <see cref="Attempts"/> times.
/// </summary>
internal sealed class ChainReconciler(ChainDefinition chain, IChainClient client, TimeProvider time)
{
    /// <summary>How many times a reconciliation starts over when the head moves while it reads.</summary>
    public const int Attempts = 3;

    /// <summary>How many index steps a reconciliation runs at most to catch the index up to the head.</summary>
    public const int MaxSteps = 16;

    /// <summary>Runs the reconciliation; <paramref name="advance"/> runs one index step (the grain's, which records and persists it).</summary>
    /// <exception cref="ChainClientException">When a read fails or is rejected, or the chain kept moving.</exception>
    public async Task<ReconciliationReport> RunAsync(
        ChainIndexer indexer, Func<BlockHeader, ulong, CancellationToken, Task<ChainIndexStep>> advance, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= Attempts; attempt++)
        {
            var head = await client.GetHeadAsync(cancellationToken);
            var confirmations = (ulong)chain.Confirmations;
            var finalized = head.Number >= confirmations ? head.Number - confirmations : 0;
            var steps = 0;
            ChainIndexStep step;
            do
            {
                if (++steps > MaxSteps)
                {
                    throw new ChainClientException(chain.Name, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
                        $"Chain '{chain.Name}': the index is at block {indexer.NextBlock}, {head.Number + 1 - indexer.NextBlock} blocks behind the head; it catches up as the grain polls, try again later.");
                }

                step = await advance(head, finalized, cancellationToken);
            }
            while (indexer.NextBlock <= head.Number && (step.CursorMoved || step.Reorg is not null));

            if (indexer.NextBlock > head.Number + 1)
            {
                throw new ChainClientException(chain.Name, ChainErrorKind.InvalidResponse, ChainErrorCodes.InvalidResponse, indexer.NextBlock == indexer.StartBlock
                    ? $"Chain '{chain.Name}': the index starts at block {indexer.NextBlock} ({ChainMonitorOptions.Section}:{nameof(ChainMonitorOptions.IndexFromBlock)}), above the head, block {head.Number}."
                    : $"Chain '{chain.Name}': the index has read up to block {indexer.NextBlock - 1}, applied as final up to {indexer.FinalizedTo}, but the head is block {head.Number}: the chain lost final blocks (a node reset?).");
            }

            if (indexer.NextBlock != head.Number + 1 || (head.Number > finalized && indexer.TopHash != head.Hash))
            {
                continue;
            }

            var lines = indexer.Lines();
            var tokens = new List<ReconciliationLine>(chain.Tokens.Count);
            foreach (var token in chain.Tokens)
            {
                var onChain = await client.GetBalanceAsync(token.Symbol, chain.Contracts.Vault, cancellationToken);
                var of = lines.Where(l => l.Asset == token.Symbol).ToList();
                tokens.Add(Line(token.Symbol, null, Sum(of.Select(l => l.Final)), Sum(of.Select(l => l.TentativeIn)), Sum(of.Select(l => l.TentativeOut)), onChain));
            }

            var protocols = new List<ReconciliationLine>();
            foreach (var line in lines.Where(l => chain.FindToken(l.Asset) is not null))
            {
                var onChain = await client.GetVaultBalanceAsync(line.Asset, line.ProtocolId, cancellationToken);
                protocols.Add(Line(line.Asset, line.ProtocolId, line.Final, line.TentativeIn, line.TentativeOut, onChain));
            }

            var after = await client.GetHeadAsync(cancellationToken);
            if (after.Hash != head.Hash)
            {
                continue;
            }

            var reconciled = tokens.Concat(protocols).All(l => l.Status == ReconciliationStatus.Reconciled);
            return new ReconciliationReport(
                chain.Name, chain.Contracts.Vault, head.Number, head.Hash.ToString(), finalized, time.GetUtcNow(),
                reconciled ? ReconciliationStatus.Reconciled : ReconciliationStatus.Differs, tokens, protocols);
        }

        throw new ChainClientException(chain.Name, ChainErrorKind.Unavailable, ChainErrorCodes.Unavailable,
            $"Chain '{chain.Name}': the head moved while the index caught up or the balances were read, {Attempts} times in a row; try again.");
    }

    private static ReconciliationLine Line(string asset, string? protocol, UInt128 final, UInt128 credit, UInt128 debit, UInt128 onChain)
    {
        var difference = (BigInteger)onChain - ((BigInteger)final + credit - debit);
        return new ReconciliationLine(asset, protocol, final, credit, debit, onChain, difference.ToString(CultureInfo.InvariantCulture),
            difference.IsZero ? ReconciliationStatus.Reconciled : ReconciliationStatus.Differs);
    }

    private static UInt128 Sum(IEnumerable<UInt128> amounts)
    {
        var total = UInt128.Zero;
        foreach (var amount in amounts)
        {
            total = checked(total + amount);
        }

        return total;
    }
}
