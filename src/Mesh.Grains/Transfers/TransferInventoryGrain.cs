using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Transfers;

namespace Mesh.Grains.Transfers;

/// <summary>
/// One asset's bridge liquidity on one chain and the transfers' claims on it. Non-reentrant, so that a reservation's
/// read of the bridge balance and its write are one step: two transfers can never both count the same base units.
/// </summary>
internal sealed class TransferInventoryGrain(
    [PersistentState("transfer-inventory")] IPersistentState<TransferInventoryState> state,
    ChainsConfiguration chains,
    IChainClientProvider chainClients) : Grain, ITransferInventoryGrain
{
    private (ChainDefinition Chain, string Asset)? _key;

    private (ChainDefinition Chain, string Asset) Key => _key ??= Parse(this.GetPrimaryKeyString());

    public async Task<bool> Reserve(string claimId, UInt128 amount, CancellationToken cancellationToken = default)
    {
        Check(claimId, amount);
        if (Known(claimId, amount))
        {
            return true;
        }

        var view = await View(cancellationToken);
        if (amount > view.Available)
        {
            return false;
        }

        await Put(claimId, amount, cancellationToken);
        return true;
    }

    public async Task Hold(string claimId, UInt128 amount, CancellationToken cancellationToken = default)
    {
        Check(claimId, amount);
        _ = Key;
        if (!Known(claimId, amount))
        {
            await Put(claimId, amount, cancellationToken);
        }
    }

    public async Task Free(string claimId, CancellationToken cancellationToken = default)
    {
        _ = Key;
        if (!state.State.Claims.Remove(claimId, out var amount))
        {
            return;
        }

        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Claims[claimId] = amount;
            throw;
        }
    }

    public async Task<TransferInventoryView> View(CancellationToken cancellationToken = default)
    {
        var (chain, asset) = Key;
        UInt128 balance;
        try
        {
            balance = await chainClients.GetClient(chain.Name).GetBalanceAsync(asset, chain.Contracts.Bridge, cancellationToken);
        }
        catch (ChainClientException e)
        {
            throw new MeshException(MeshErrorKind.Unavailable, "chain.unavailable", $"The bridge balance of {asset} on {chain.Name} cannot be read now ({e.Code}).");
        }

        var claimed = state.State.Claims.Values.Aggregate(UInt128.Zero, (sum, c) => checked(sum + c));
        var available = balance > claimed ? balance - claimed : UInt128.Zero;
        return new TransferInventoryView(chain.Name, asset, balance, claimed, available, new Dictionary<string, UInt128>(state.State.Claims, StringComparer.Ordinal));
    }

    private bool Known(string claimId, UInt128 amount) =>
        state.State.Claims.TryGetValue(claimId, out var held)
            ? held == amount
                ? true
                : throw new MeshException(MeshErrorKind.Conflict, "inventory.conflict", $"Claim {claimId} holds {held} base units, not {amount}.")
            : false;

    private async Task Put(string claimId, UInt128 amount, CancellationToken cancellationToken)
    {
        state.State.Claims[claimId] = amount;
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Claims.Remove(claimId);
            throw;
        }
    }

    private static void Check(string claimId, UInt128 amount)
    {
        if (string.IsNullOrWhiteSpace(claimId))
        {
            throw MeshException.Invalid("claimId", "inventory.claim_id_missing", "claimId is required.");
        }

        if (amount == UInt128.Zero)
        {
            throw MeshException.Invalid("amount", "amount.zero", "amount must be greater than zero.");
        }
    }

    private (ChainDefinition Chain, string Asset) Parse(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var chain = slash > 0 ? chains.FindChain(key[..slash]) : null;
        var asset = slash > 0 ? key[(slash + 1)..] : "";
        return chain is not null && chain.FindToken(asset) is not null
            ? (chain, asset)
            : throw new MeshException(MeshErrorKind.NotFound, "inventory.unknown", $"'{key}' is not chain/asset of a token of this mesh.");
    }
}
