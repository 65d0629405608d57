using System.Numerics;
using Mesh.Audit;
using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Pools;
using Mesh.Grains.Pools;
using Mesh.Grains.Transfers;
using Mesh.Protocols;
using Mesh.Transfers;
using Mesh.Vaults;
using Orleans.Concurrency;
using ChainOperationId = Mesh.Chains.Clients.OperationId;
using OperationKind = Mesh.Vaults.OperationKind;

namespace Mesh.Grains.Audit;

/// <summary>
/// The conservation audit, run where it is called (a stateless worker, so that the chain reads go through the local
/// silo's chain clients). Every operation in flight is resolved against the other side of its move: a pool step by
/// the pool's record of the operation id, a chain step by the chain's status of the derived operation id.
/// </summary>
[StatelessWorker]
internal sealed class ConservationAuditGrain(ChainsConfiguration chains, IChainClientProvider chainClients, TimeProvider time) : Grain, IConservationAuditGrain
{
    private const int Parallel = 64;

    public async Task<ConservationReport> Run(CancellationToken cancellationToken = default)
    {
        var checkedAt = time.GetUtcNow();
        var protocols = new List<ProtocolView>();
        var ids = new List<string>();
        await foreach (var id in ProtocolDirectory.AllAsync(GrainFactory, cancellationToken))
        {
            ids.Add(id);
        }

        foreach (var view in await Batched(ids, id => GrainFactory.GetGrain<IProtocolGrain>(id).Read(cancellationToken)))
        {
            if (view is not null)
            {
                protocols.Add(view);
            }
        }

        var keys = protocols.SelectMany(p => p.Chains.Select(c => new VaultKey(p.ProtocolId, c))).ToList();
        var books = await Batched(keys, k => GrainFactory.GetGrain<IVaultGrain>(k.ToString()).Books(cancellationToken));
        var inFlight = await Batched(books.SelectMany(b => b.Pending.Select(op => (b.Vault, op))).ToList(), p => Resolve(p.Vault, p.op, cancellationToken));

        var assets = new List<AssetConservation>();
        foreach (var asset in chains.Assets)
        {
            var pool = await GrainFactory.GetGrain<ICollateralPoolGrain>(asset).Audit(cancellationToken);
            var lines = new List<ChainConservation>();
            foreach (var chain in chains.Chains.Where(c => c.FindToken(asset) is not null))
            {
                var onChain = await OnChain(chain, asset, cancellationToken);
                var free = pool.FreeByChain.GetValueOrDefault(chain.Name);
                var vaults = Sum(books.Where(b => b.Vault.Chain == chain.Name).Select(b => b.Balances.GetValueOrDefault(asset)));
                var transit = Sum(inFlight.Where(o => o.Asset == asset && VaultKey.Parse(o.Vault).Chain == chain.Name).Select(o => o.InTransit));
                var difference = (BigInteger)onChain - free - vaults - transit;
                lines.Add(new ChainConservation(chain.Name, onChain, free, vaults, transit, difference.ToString(System.Globalization.CultureInfo.InvariantCulture), difference.IsZero));
            }

            var debt = Sum(books.Select(b => b.Debt.GetValueOrDefault(asset)));
            assets.Add(new AssetConservation(asset, pool.Balanced && lines.All(l => l.Balanced), lines, pool, debt));
        }

        return new ConservationReport(checkedAt, assets.All(a => a.Balanced), protocols.Count, books.Count, assets, inFlight);
    }

    /// <summary>How an operation in flight counts: what one book has let go of and the other has not yet taken in.</summary>
    private async Task<InFlightOperation> Resolve(VaultKey vault, OperationReceipt op, CancellationToken cancellationToken)
    {
        if (op.Kind is OperationKind.TransferOut or OperationKind.TransferIn && TransferOperations.TryRequestId(op.OperationId, out var requestId))
        {
            return await ResolveTransfer(vault, op, requestId, cancellationToken);
        }

        var (applied, moved) = op.Kind is OperationKind.Deposit or OperationKind.Withdraw
            ? (await ChainApplied(vault, op, cancellationToken), op.Amount)
            : await PoolApplied(vault, op, cancellationToken);
        var transit = op.Kind switch
        {
            // Arriving in the vault's books: in transit once the other side has let go of it.
            OperationKind.Deposit or OperationKind.Draw or OperationKind.Redeem => applied ? moved : UInt128.Zero,
            // Leaving the vault's books (taken out when recorded): in transit until the other side has it.
            _ => applied ? UInt128.Zero : op.Amount,
        };
        return new InFlightOperation(vault.ToString(), op.OperationId, op.Kind, op.Asset, op.Amount, applied ? "applied" : "recorded", transit);
    }

    /// <summary>
    /// A transfer's side by the vault's chain's record of the transfer's operations. Leaving (source): the books let go
    /// of the amount when recorded; the vault contract holds it until the lock takes it, and again once the refund
    /// gives it back. Arriving (destination): the contract holds it once the release pays, the books once it is final.
    /// </summary>
    private async Task<InFlightOperation> ResolveTransfer(VaultKey vault, OperationReceipt op, string requestId, CancellationToken cancellationToken)
    {
        string state;
        bool heldOnChain;
        if (op.Kind == OperationKind.TransferOut)
        {
            var locked = await Applied(vault.Chain, TransferGrain.OperationIdOf(requestId, "lock"), cancellationToken);
            var refunded = locked && await Applied(vault.Chain, TransferGrain.OperationIdOf(requestId, "refund"), cancellationToken);
            (state, heldOnChain) = (refunded ? "refunded" : locked ? "locked" : "recorded", !locked || refunded);
        }
        else
        {
            var released = await Applied(vault.Chain, TransferGrain.OperationIdOf(requestId, "release"), cancellationToken);
            (state, heldOnChain) = (released ? "released" : "recorded", released);
        }

        return new InFlightOperation(vault.ToString(), op.OperationId, op.Kind, op.Asset, op.Amount, state, heldOnChain ? op.Amount : UInt128.Zero);
    }

    private Task<bool> ChainApplied(VaultKey vault, OperationReceipt op, CancellationToken cancellationToken) =>
        Applied(vault.Chain, ChainOperationId.FromName($"{vault}/{op.OperationId}"), cancellationToken);

    private async Task<bool> Applied(string chain, ChainOperationId id, CancellationToken cancellationToken)
    {
        var status = await Client(chain).GetOperationAsync(id, cancellationToken);
        return status.State is OperationState.Included or OperationState.Final && status.FailureCode is null;
    }

    private async Task<(bool Applied, UInt128 Moved)> PoolApplied(VaultKey vault, OperationReceipt op, CancellationToken cancellationToken)
    {
        var record = await GrainFactory.GetGrain<ICollateralPoolGrain>(op.Asset).Operation(op.OperationId, vault.ToString(), cancellationToken);
        // The pool's answer for this vault and id, and of this operation's kind (a holder's liquidity answer under the same id is another operation).
        return record is { Refused: false } && record.Kind == PoolAnswers.KindOf(op.Kind) ? (true, record.Moved) : (false, UInt128.Zero);
    }

    private async Task<UInt128> OnChain(ChainDefinition chain, string asset, CancellationToken cancellationToken)
    {
        try
        {
            return await Client(chain.Name).GetBalanceAsync(asset, chain.Contracts.Vault, cancellationToken);
        }
        catch (ChainClientException e)
        {
            throw new MeshException(MeshErrorKind.Unavailable, "audit.chain_unavailable", $"The audit could not read {asset} held by the vault contract on {chain.Name}: {e.Message}");
        }
    }

    private IChainClient Client(string chain) => chainClients.GetClient(chain);

    private static UInt128 Sum(IEnumerable<UInt128> amounts)
    {
        var total = UInt128.Zero;
        foreach (var amount in amounts)
        {
            total = checked(total + amount);
        }

        return total;
    }

    private static async Task<List<TResult>> Batched<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, Task<TResult>> call)
    {
        var results = new List<TResult>(items.Count);
        for (var i = 0; i < items.Count; i += Parallel)
        {
            results.AddRange(await Task.WhenAll(items.Skip(i).Take(Parallel).Select(call)));
        }

        return results;
    }
}
