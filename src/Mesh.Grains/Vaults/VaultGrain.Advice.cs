using Mesh.Grains.Oracles;
using Mesh.Grains.Rebalancing.Allocation;
using Mesh.Grains.Rebalancing.Hedging;
using Mesh.Oracles;
using Mesh.Rebalancing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OracleSnapshot = Mesh.Oracles.OracleSnapshot;

namespace Mesh.Grains.Vaults;

/// <summary>Advice on the vault's allocation and delta, at the oracle snapshots the vault values itself at. Reads only.</summary>
internal sealed partial class VaultGrain
{
    public async Task<AllocationAdvice> AllocationAdvice(bool predictive, CancellationToken cancellationToken = default)
    {
        var chain = Chain;
        var s = state.State;
        var options = ServiceProvider.GetRequiredService<IOptions<AllocationOptions>>().Value;
        var thresholds = ServiceProvider.GetRequiredService<IOptionsMonitor<OracleOptions>>();
        var decimals = _decimals ??= chain.Tokens.ToDictionary(t => t.Symbol, t => t.Decimals, StringComparer.Ordinal);
        var assets = s.Balances.Where(b => b.Value > UInt128.Zero).Select(b => b.Key)
            .Concat(options.Stables.Where(decimals.ContainsKey))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var holdings = new List<AllocationHolding>(assets.Count);
        foreach (var asset in assets)
        {
            var snapshot = await SnapshotOf(asset, cancellationToken);
            holdings.Add(new AllocationHolding(asset, s.Balances.GetValueOrDefault(asset), decimals[asset], snapshot, thresholds.Get(asset).Regime));
        }

        return AllocationPolicy.Advise(Key, holdings, predictive, options, time.GetUtcNow());
    }

    public async Task<HedgeAdvice> HedgeAdvice(CancellationToken cancellationToken = default)
    {
        _ = Chain; // a vault on a chain the mesh does not have is not found, as for every other read
        var s = state.State;
        var now = time.GetUtcNow();
        var allocation = ServiceProvider.GetRequiredService<IOptions<AllocationOptions>>().Value;
        var options = ServiceProvider.GetRequiredService<IOptions<HedgeOptions>>().Value;
        var book = BookAssets(s);
        var markets = await MarketsOf(book, requirePrice: false, cancellationToken);
        var portfolio = ExposurePortfolio.Build(WithHedges(s.Exposures, s), markets, now, riskOptions.Value, s.Hedges.RealizedUsd);
        var decimals = book.ToDictionary(asset => asset, DecimalsOf, StringComparer.Ordinal);

        var balances = new VaultBalances(s.Balances, s.Debt, decimals);
        return DeltaHedge.Advise(Key, balances, markets, portfolio.Greeks, allocation.IsStable, options, now);
    }

    /// <summary>The snapshot the vault uses for an asset: the latest it was told, else the oracle's (kept when fresh).</summary>
    private async Task<OracleSnapshot> SnapshotOf(string asset, CancellationToken cancellationToken)
    {
        if (_snapshots.TryGetValue(asset, out var known))
        {
            return known;
        }

        var snapshot = await GrainFactory.GetGrain<IOracleGrain>(asset).Snapshot(cancellationToken);
        if (snapshot.Price is not null && snapshot.Fresh)
        {
            _snapshots[asset] = snapshot;
        }

        return snapshot;
    }
}
