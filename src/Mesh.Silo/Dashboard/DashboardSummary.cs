using System.Globalization;
using Mesh.Chains;
using Mesh.Chains.Configuration;
using Mesh.Oracles;
using Mesh.Pools;
using Mesh.Rebalancing;
using Mesh.Revaluation;
using Mesh.Transfers;
using Mesh.Vaults;

namespace Mesh.Silo.Dashboard;

/// <summary>
/// What the Mesh dashboard shows, read from the grains in one pass: the cluster, every asset's pool, oracle and
/// rebalancing market, every chain, the transfers in flight and the health of the vaults. Amounts are strings of base
/// units (with each asset's decimals alongside); the vaults read are capped at <see cref="MaxVaults"/>.
/// </summary>
internal static class DashboardSummary
{
    /// <summary>The most vaults one summary reads the health of (the distribution says when it stopped there).</summary>
    public const int MaxVaults = 2000;

    /// <summary>The worst vaults listed.</summary>
    public const int WorstVaults = 5;

    /// <summary>The transfers in flight listed (all are counted).</summary>
    public const int ListedTransfers = 10;

    /// <summary>The health factor buckets' upper edges; the last bucket is open.</summary>
    private static readonly double[] HealthEdges = [1.0, 1.25, 1.6, 2.0];

    private static readonly string[] HealthLabels = ["< 1", "1 – 1.25", "1.25 – 1.6", "1.6 – 2", "≥ 2"];

    public static async Task<object> BuildAsync(IGrainFactory grains, ChainsConfiguration chains, TimeProvider clock, CancellationToken cancellationToken)
    {
        var assets = chains.Assets;
        var hosts = ClusterAsync(grains);
        var pools = Task.WhenAll(assets.Select(a => grains.GetGrain<ICollateralPoolGrain>(a).Summary(cancellationToken)));
        var oracles = Task.WhenAll(assets.Select(a => grains.GetGrain<IOracleGrain>(a).Snapshot(cancellationToken)));
        var markets = Task.WhenAll(assets.Select(a => grains.GetGrain<IRebalanceCoordinatorGrain>(a).View(cancellationToken)));
        var chainStatus = Task.WhenAll(chains.Chains.Select(c => grains.GetGrain<IChainGrain>(c.Name).Status(cancellationToken)));
        var transfers = TransfersAsync(grains, cancellationToken);
        var vaults = VaultsAsync(grains, assets, cancellationToken);
        await Task.WhenAll(hosts, pools, oracles, markets, chainStatus, transfers, vaults);

        var decimals = assets.ToDictionary(a => a, a => chains.Chains.Select(c => c.FindToken(a)).OfType<TokenDefinition>().First().Decimals, StringComparer.Ordinal);
        return new
        {
            asOf = clock.GetUtcNow(),
            cluster = await hosts,
            pools = (await pools).Select(p => new
            {
                asset = p.Asset,
                decimals = decimals[p.Asset],
                utilization = p.Utilization,
                freeLiquidity = Units(p.FreeLiquidity),
                creditOutstanding = Units(p.CreditOutstanding),
                lenderAssets = Units(p.LenderAssets),
                borrowRate = p.BorrowRate,
                supplyRate = p.SupplyRate,
                vaults = p.Vaults,
            }),
            oracles = (await oracles).Select(o => new
            {
                asset = o.Asset,
                price = o.Price,
                round = o.Round,
                fresh = o.Fresh,
                sourcesUsed = o.SourcesUsed,
                rejected = o.Rejected.Count,
                volatility = o.ForecastVolatility,
                volatilitySource = o.VolatilitySource,
                regime = o.Regime.ToString().ToLowerInvariant(),
                breakerOpen = o.BreakerOpen,
                haircutMultiplier = o.HaircutMultiplier,
                updatedAt = o.UpdatedAt,
            }),
            rebalancing = (await markets).Select(m => new
            {
                asset = m.Asset,
                decimals = decimals[m.Asset],
                policy = m.Policy.ToString(),
                capacity = Bounded(m.Capacity),
                inFlight = Units(m.InFlight),
                free = Bounded(m.Free),
                queued = m.Queued,
                queuedQuantity = Units(m.QueuedQuantity),
                oldestQueuedAt = m.OldestQueuedAt,
                granted = m.Granted,
                completed = m.Completed,
                expired = m.Expired,
                capacityBasis = m.CapacityBasis,
            }),
            chains = (await chainStatus).Select(c => new
            {
                name = c.Name,
                chainId = c.ChainId,
                health = c.Health.ToString().ToLowerInvariant(),
                healthReason = c.HealthReason,
                head = c.Head?.Number,
                finalized = c.FinalizedNumber,
                headAgeSeconds = c.HeadAge?.TotalSeconds,
                rpcSuccesses = c.RpcSuccesses,
                rpcFailures = c.RpcFailures,
                reorgs = c.Reorgs,
            }),
            transfers = await transfers,
            vaults = await vaults,
        };
    }

    // The management grain's call takes no token; the summary is short.
    private static async Task<object> ClusterAsync(IGrainFactory grains) =>
        (await grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true)).OrderBy(h => h.StartTime).Select(h => new
        {
            name = h.SiloName,
            address = h.SiloAddress.ToParsableString(),
            status = h.Status.ToString(),
            startedAt = h.StartTime,
        }).ToList();

    private static async Task<object> TransfersAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        var ids = await grains.GetGrain<ITransferIndexGrain>(ITransferIndexGrain.Key).InFlight(cancellationToken);
        var statuses = (await Task.WhenAll(ids.Select(id => grains.GetGrain<ITransferGrain>(id).Status(cancellationToken)))).Where(s => !s.IsTerminal).ToList();
        return new
        {
            inFlight = statuses.Count,
            stuck = statuses.Count(s => s.Stuck),
            items = statuses.OrderByDescending(s => s.Stuck).ThenBy(s => s.PhaseSince).Take(ListedTransfers).Select(s => new
            {
                requestId = s.RequestId,
                phase = s.Phase.ToString(),
                asset = s.Quote.Request.Asset,
                from = s.Quote.Request.From,
                to = s.Quote.Request.To,
                amount = Units(s.Quote.Request.Amount),
                phaseSince = s.PhaseSince,
                stuck = s.Stuck,
            }),
        };
    }

    private static async Task<object> VaultsAsync(IGrainFactory grains, IReadOnlyList<string> assets, CancellationToken cancellationToken)
    {
        // Every vault that holds or is exposed to an asset is a member of one of the asset's revaluation partitions.
        var partitions = await Task.WhenAll(assets.SelectMany(a => Enumerable.Range(0, RevaluationPartitions.Count)
            .Select(p => grains.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(a, p)).Members(cancellationToken))));
        var all = partitions.SelectMany(m => m).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var read = all.Take(MaxVaults).ToList();
        var healths = await Task.WhenAll(read.Select(v => grains.GetGrain<IVaultGrain>(v).Health(cancellationToken)));
        var counts = new int[HealthLabels.Length];
        var unobligated = 0;
        foreach (var health in healths)
        {
            if (health.HealthFactor is not { } factor)
            {
                unobligated++;
                continue;
            }

            var bucket = 0;
            while (bucket < HealthEdges.Length && factor >= HealthEdges[bucket])
            {
                bucket++;
            }

            counts[bucket]++;
        }

        return new
        {
            total = all.Count,
            read = read.Count,
            withoutObligations = unobligated,
            stale = healths.Count(h => h.Stale),
            needs = healths.Count(h => h.Need is not null),
            distribution = HealthLabels.Select((label, i) => new { label, count = counts[i] }),
            worst = healths.Where(h => h.HealthFactor is not null).OrderBy(h => h.HealthFactor).Take(WorstVaults).Select(h => new
            {
                vault = h.Vault.ToString(),
                healthFactor = h.HealthFactor,
                bandMin = h.BandMin,
                bandMax = h.BandMax,
                need = h.Need?.Direction.ToString(),
                stale = h.Stale,
            }),
        };
    }

    private static string Units(UInt128 value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Bounded(UInt128 value) => value == UInt128.MaxValue ? null : Units(value);
}
