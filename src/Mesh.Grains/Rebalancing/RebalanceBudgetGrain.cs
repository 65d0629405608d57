using Mesh.Errors;
using Mesh.Grains.Hosting;
using Mesh.Rebalancing;
using Microsoft.Extensions.Options;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The global cap (<see cref="RebalancingOptions.GlobalCap"/>) and the markets' absolute claims on it. Not reentrant:
/// claims are decided one at a time, written before they are answered, so the sum of the claims never exceeds the cap
/// after a claim that raises one (a lower cap after a restart holds the markets above it where they are until they shrink).
/// </summary>
internal sealed class RebalanceBudgetGrain(
    [PersistentState("budget")] IPersistentState<BudgetState> state,
    IOptions<RebalancingOptions> options,
    Mesh.Chains.Configuration.ChainsConfiguration chains) : Grain, IRebalanceBudgetGrain
{
    private UInt128 Cap => options.Value.GlobalCap ?? UInt128.MaxValue;

    public async Task<BudgetClaim> Claim(string market, UInt128 total, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(market))
        {
            throw MeshException.Invalid("market", "market.missing", "market is required.");
        }

        KnownAssets.Require(chains, CoordinatorMarkets.Underlying(market));
        var claims = state.State.Claims;
        var current = claims.GetValueOrDefault(market);
        var others = claims.Values.Aggregate(UInt128.Zero, (sum, c) => sum + c) - current;
        var available = Cap > others ? Cap - others : UInt128.Zero;
        var claimed = total <= current ? total : UInt128.Min(total, UInt128.Max(current, available));
        if (claimed != current)
        {
            if (claimed == UInt128.Zero)
            {
                claims.Remove(market);
            }
            else
            {
                claims[market] = claimed;
            }

            await state.WriteOrRestoreAsync(this, () => { }, cancellationToken);
        }

        return new BudgetClaim(market, total, claimed, Cap, others);
    }

    public Task<BudgetView> View(CancellationToken cancellationToken = default)
    {
        var claims = new Dictionary<string, UInt128>(state.State.Claims, StringComparer.Ordinal);
        return Task.FromResult(new BudgetView(Cap, claims.Values.Aggregate(UInt128.Zero, (sum, c) => sum + c), claims));
    }
}
