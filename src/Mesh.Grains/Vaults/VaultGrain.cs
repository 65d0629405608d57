using Mesh.Chains.Clients;
using Mesh.Chains.Configuration;
using Mesh.Errors;
using Mesh.Grains.Diagnostics;
using Mesh.Oracles;
using Mesh.Revaluation;
using Mesh.Vaults;
using OperationStatus = Mesh.Vaults.OperationStatus;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace Mesh.Grains.Vaults;

/// <summary>One protocol's vault on one chain: books, exposures, health.</summary>
internal sealed partial class VaultGrain(
    [PersistentState("vault")] IPersistentState<VaultState> state,
    ChainsConfiguration chains,
    IChainClientProvider chainClients,
    IOptions<VaultRiskOptions> riskOptions,
    ISagaCheckpoint checkpoint,
    IEnumerable<Markets.IMarketVenue> venues,
    TimeProvider time) : Grain, IVaultGrain
{
    private Markets.IMarketVenue? _venue;
    private VaultKey? _key;
    private ChainDefinition? _chain;
    private ExposurePortfolio? _portfolio;
    private double? _expectedShortfall;

    /// <summary>What the holdings a hedged book's cached shortfall was taken against were built from (null: no holdings).</summary>
    private int? _expectedShortfallHeld;
    private readonly Dictionary<string, OracleSnapshot> _snapshots = new(StringComparer.Ordinal);

    /// <summary>The haircuts applied last per asset, where anti-procyclical haircuts' speed limit starts from (kept in memory: a vault activated again starts from the model's haircut, the cautious side).</summary>
    private readonly Dictionary<string, AppliedHaircut> _haircuts = new(StringComparer.Ordinal);
    private Dictionary<string, int>? _decimals;

    private VaultKey Key => _key ??= VaultKey.Parse(this.GetPrimaryKeyString());

    private ChainDefinition Chain => _chain ??= chains.FindChain(Key.Chain)
        ?? throw new MeshException(MeshErrorKind.NotFound, "chain.unknown", $"'{Key.Chain}' is not a chain of this mesh.");

    public async Task<VaultHealth> ReportExposures(IReadOnlyList<Exposure> exposures, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        ExposureValidator.Check(exposures, KnownAssets(), now);
        if (exposures.FirstOrDefault(e => e.Id?.StartsWith(HedgeExposurePrefix, StringComparison.Ordinal) == true) is { } reserved)
        {
            throw MeshException.Invalid("exposures", "exposure.reserved_id", $"Exposure id '{reserved.Id}' begins with '{HedgeExposurePrefix}': the mesh names its own hedge positions so.");
        }

        var markets = await Markets(exposures.Select(e => e.Underlying).Concat(state.State.Hedges.Positions.Keys), requirePrice: true, cancellationToken);
        var portfolio = ExposurePortfolio.Build(WithHedges(exposures, state.State), markets, now, riskOptions.Value, state.State.Hedges.RealizedUsd);
        var es = state.State.Hedges.Positions.Count == 0 ? VaultRiskModel.ExpectedShortfall(portfolio, riskOptions.Value) : (double?)null;
        var previous = state.State.Exposures;
        state.State.Exposures = [.. exposures];
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            state.State.Exposures = previous;
            throw;
        }

        // A hedged book's shortfall is taken with the collateral it hedges, at the revaluation.
        (_portfolio, _expectedShortfall, _expectedShortfallHeld) = (portfolio, es, null);
        await EnsureRegistered(cancellationToken);
        return await Revalue(now, cancellationToken);
    }

    public async Task<VaultHealth> Health(CancellationToken cancellationToken = default) =>
        await Revalue(time.GetUtcNow(), cancellationToken);

    public async Task<UInt128> OnPrice(OracleSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (_snapshots.TryGetValue(snapshot.Asset, out var known) && known.Round >= snapshot.Round)
        {
            return state.State.Balances.GetValueOrDefault(snapshot.Asset);
        }

        _snapshots[snapshot.Asset] = snapshot;
        await SettlePendingSale(cancellationToken);
        var health = await Revalue(time.GetUtcNow(), cancellationToken);
        if (!await TopUpAfter(health, cancellationToken))
        {
            await RebalanceAfter(health, cancellationToken);
        }

        await HedgeAfter(health, cancellationToken);
        return state.State.Balances.GetValueOrDefault(snapshot.Asset);
    }

    private async Task EnsureRegistered(CancellationToken cancellationToken, string? also = null)
    {
        var s = state.State;
        var assets = s.Balances.Where(b => b.Value > UInt128.Zero).Select(b => b.Key)
            .Concat(also is null ? Array.Empty<string>() : [also])
            .Concat(s.Debt.Where(d => d.Value > UInt128.Zero).Select(d => d.Key))
            .Concat(s.Exposures.Select(e => e.Underlying))
            .Distinct(StringComparer.Ordinal)
            .Where(a => !s.Registered.Contains(a))
            .ToArray();
        if (assets.Length == 0)
        {
            return;
        }

        var key = Key.ToString();
        var partition = RevaluationPartitions.Of(key);
        await Task.WhenAll(assets.Select(a => GrainFactory.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(a, partition)).Register(key, cancellationToken)));
        s.Registered.UnionWith(assets);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            s.Registered.ExceptWith(assets);
            throw;
        }
    }

    public Task<IReadOnlyList<Exposure>> Exposures(CancellationToken cancellationToken = default)
    {
        _ = Chain; // a vault on a chain the mesh does not have is not found, as for every other read
        return Task.FromResult<IReadOnlyList<Exposure>>([.. state.State.Exposures]);
    }

    public Task<string?> Encumbrance(CancellationToken cancellationToken = default)
    {
        var s = state.State;
        string? reason =
            s.Balances.Any(b => b.Value > UInt128.Zero) ? $"holds collateral ({string.Join(", ", s.Balances.Where(b => b.Value > UInt128.Zero).Select(b => b.Key))})"
            : s.Debt.Any(d => d.Value > UInt128.Zero) ? $"owes credit ({string.Join(", ", s.Debt.Where(d => d.Value > UInt128.Zero).Select(d => d.Key))})"
            : s.Exposures.Count > 0 ? $"has {s.Exposures.Count} open exposures"
            : s.Hedges.Positions.Count > 0 ? $"holds hedge positions ({string.Join(", ", s.Hedges.Positions.Keys)})"
            : s.Operations.Values.Any(o => o.Status == OperationStatus.Pending) ? "has an operation in flight"
            : null;
        return Task.FromResult(reason);
    }

    private async Task<VaultHealth> Revalue(DateTimeOffset now, CancellationToken cancellationToken, bool persistNeed = true)
    {
        var s = state.State;
        var markets = await MarketsOf(BookAssets(s), requirePrice: false, cancellationToken);
        // The book is repriced at every revaluation; its Monte Carlo shortfall only when the book changes (or on activation).
        var decimals = _decimals ??= Chain.Tokens.ToDictionary(t => t.Symbol, t => t.Decimals, StringComparer.Ordinal);
        var balances = new VaultBalances(WithSaleInFlight(s), s.Debt, decimals, s.RecallDue);
        _portfolio = ExposurePortfolio.Build(WithHedges(s.Exposures, s), markets, now, riskOptions.Value, s.Hedges.RealizedUsd, held: HeldForMargin(balances, s));
        if (_portfolio.Hedged?.HeldKey != _expectedShortfallHeld)
        {
            _expectedShortfall = null; // a hedged book's shortfall is taken against the collateral it hedges: that changed
        }

        _expectedShortfall ??= VaultRiskModel.ExpectedShortfall(_portfolio, riskOptions.Value);
        _expectedShortfallHeld = _portfolio.Hedged?.HeldKey;
        var health = VaultRiskModel.Evaluate(Key, balances, _portfolio, _expectedShortfall.Value, markets, riskOptions.Value, s.Need, now, _haircuts);
        if (persistNeed && health.Need?.Direction != s.Need?.Direction)
        {
            var previous = s.Need;
            s.Need = health.Need;
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch
            {
                s.Need = previous;
                throw;
            }
        }

        GrainsMetrics.Revalued(Key.Chain, health.HealthFactor);
        return health;
    }

    /// <summary>
    /// The balances a valuation counts: a sale recorded but not yet filled (its order waits for the venue's batch) took
    /// its quantity out of the balance, and its proceeds have not come in; until they do, the quantity still backs the
    /// debt (it is the vault's, in escrow at the venue), so it is valued as collateral. Without it, a vault whose sale
    /// waits one step would show a health factor that drops by the whole sale and comes back with the fill.
    /// </summary>
    private static Dictionary<string, UInt128> WithSaleInFlight(VaultState s)
    {
        if (s.Sales.PendingOperation is not { } pending || !s.Operations.TryGetValue(pending, out var sale) || sale.Status != OperationStatus.Pending || sale.Kind != Mesh.Vaults.OperationKind.Sale)
        {
            return s.Balances;
        }

        var counted = new Dictionary<string, UInt128>(s.Balances, StringComparer.Ordinal);
        counted[sale.Asset] = checked(counted.GetValueOrDefault(sale.Asset) + sale.Amount);
        return counted;
    }

    private HashSet<string> KnownAssets() => chains.Assets.ToHashSet(StringComparer.Ordinal);

    /// <summary>The distinct assets the vault holds, owes or is exposed to (usually one or two).</summary>
    private static List<string> BookAssets(VaultState s)
    {
        var assets = new List<string>(s.Balances.Count + s.Debt.Count + 1);
        foreach (var asset in s.Balances.Keys)
        {
            Add(asset);
        }

        foreach (var asset in s.Debt.Keys)
        {
            Add(asset);
        }

        foreach (var exposure in s.Exposures)
        {
            Add(exposure.Underlying);
        }

        foreach (var underlying in s.Hedges.Positions.Keys)
        {
            Add(underlying);
        }

        return assets;

        void Add(string asset)
        {
            for (var i = 0; i < assets.Count; i++)
            {
                if (string.Equals(assets[i], asset, StringComparison.Ordinal))
                {
                    return;
                }
            }

            assets.Add(asset);
        }
    }

    private Task<Dictionary<string, AssetMarket>> Markets(IEnumerable<string> assets, bool requirePrice, CancellationToken cancellationToken) =>
        MarketsOf([.. assets.Distinct(StringComparer.Ordinal)], requirePrice, cancellationToken);

    private async Task<Dictionary<string, AssetMarket>> MarketsOf(List<string> distinct, bool requirePrice, CancellationToken cancellationToken)
    {
        var options = riskOptions.Value;
        var markets = new Dictionary<string, AssetMarket>(distinct.Count, StringComparer.Ordinal);
        foreach (var asset in distinct)
        {
            if (!_snapshots.TryGetValue(asset, out var snapshot))
            {
                snapshot = await GrainFactory.GetGrain<IOracleGrain>(asset).Snapshot(cancellationToken);
                if (snapshot.Price is not null && snapshot.Fresh)
                {
                    _snapshots[asset] = snapshot;
                }
            }

            if (snapshot.Price is not { } price)
            {
                if (requirePrice)
                {
                    throw new MeshException(MeshErrorKind.Refused, "oracle.no_price", $"The oracle has no price for {asset} yet; exposures on it cannot be valued.");
                }

                continue;
            }

            var volume = options.DailyVolumeUsd.TryGetValue(asset, out var v) ? v : options.DefaultDailyVolumeUsd;
            markets[asset] = new AssetMarket(asset, (double)price, snapshot.ForecastVolatility, volume, snapshot.HaircutMultiplier, !snapshot.Fresh, snapshot.LongRunVolatility);
        }

        return markets;
    }
}
