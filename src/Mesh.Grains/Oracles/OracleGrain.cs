using Mesh.Errors;
using Mesh.Grains.Hosting;
using Mesh.Oracles;
using Mesh.Revaluation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Internal = Mesh.Grains.Oracles;
using Public = Mesh.Oracles;

namespace Mesh.Grains.Oracles;

/// <summary>One asset's oracle: validated observations, the aggregate, and the fan-out of every new round to the asset's vaults.</summary>
internal sealed partial class OracleGrain(
    [PersistentState("oracle")] IPersistentState<OracleState> state,
    IOptionsMonitor<OracleOptions> assetOptions,
    IOptions<MeshOracleOptions> meshOptions,
    Mesh.Chains.Configuration.ChainsConfiguration chains,
    TimeProvider time,
    ILogger<OracleGrain> logger) : Grain, IOracleGrain
{
    private OracleAggregator? _aggregator;
    private long _published;
    private (MarketRegime Regime, bool BreakerOpen)? _risk;

    private string Asset => this.GetPrimaryKeyString();

    private OracleAggregator Aggregator => _aggregator ??= new OracleAggregator(assetOptions.Get(KnownAssets.Require(chains, Asset)), state.State);

    public async Task<Public.OracleSnapshot> Observe(PriceObservation observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var decimals = assetOptions.Get(KnownAssets.Require(chains, Asset)).Decimals;
        if (observation.Price <= 0)
        {
            throw MeshException.Invalid("price", "oracle.price_not_positive", $"price must be positive; it is {observation.Price}.");
        }

        if (decimal.Round(observation.Price, decimals) != observation.Price)
        {
            throw MeshException.Invalid("price", "oracle.too_many_decimals", $"price may have at most {decimals} decimal places for {Asset}.");
        }

        var now = time.GetUtcNow();
        Aggregator.Observe(new OracleObservation(observation.Source, OraclePrice.FromDecimal(observation.Price, decimals), observation.ObservedAt), now);
        var snapshot = Aggregator.Aggregate(now);
        await Persist(cancellationToken);
        var view = View(snapshot);
        Publish(view);
        return view;
    }

    public async Task<Public.OracleSnapshot> Snapshot(CancellationToken cancellationToken = default)
    {
        var round = state.State.RoundId;
        var snapshot = Aggregator.Aggregate(time.GetUtcNow());
        if (snapshot.RoundId != round)
        {
            await Persist(cancellationToken);
        }

        var view = View(snapshot);
        Publish(view);
        return view;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Diagnostics.GrainsMetrics.OracleGone(Asset);
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>The aggregator changed the state in place: on a failed write, start over from what storage holds.</summary>
    private Task Persist(CancellationToken cancellationToken) =>
        state.WriteOrRestoreAsync(this, () => _aggregator = null, cancellationToken);

    private void Publish(Public.OracleSnapshot view)
    {
        if (view.Price is null || view.Round <= _published)
        {
            return;
        }

        _published = view.Round;
        if (_risk != (view.Regime, view.BreakerOpen))
        {
            _risk = (view.Regime, view.BreakerOpen);
            foreach (var pool in chains.Assets)
            {
                _ = NotifyPool(GrainFactory.GetGrain<Mesh.Pools.ICollateralPoolGrain>(pool), view);
            }
        }

        for (var partition = 0; partition < RevaluationPartitions.Count; partition++)
        {
            _ = PublishTo(GrainFactory.GetGrain<IRevaluationIndexGrain>(RevaluationPartitions.Key(Asset, partition)), view);
        }
    }

    /// <summary>Tells a pool the asset's regime and breaker, so that its caps on the asset shrink under stress (and recall what they no longer allow).</summary>
    private async Task NotifyPool(Mesh.Pools.ICollateralPoolGrain pool, Public.OracleSnapshot view)
    {
        try
        {
            await pool.OnRisk(Asset, view.Regime, view.BreakerOpen);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _risk = null; // told again with the next round
            LogRiskFailed(logger, e, Asset, view.Round);
        }
    }

    private async Task PublishTo(IRevaluationIndexGrain partition, Public.OracleSnapshot view)
    {
        try
        {
            await partition.Publish(view);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Vaults also read the oracle when asked for their health; a lost fan-out delays, never corrupts, a revaluation.
            LogPublishFailed(logger, e, Asset, view.Round);
        }
    }

    private Public.OracleSnapshot View(Internal.OracleSnapshot s)
    {
        var mesh = meshOptions.Value;
        var fallback = mesh.FallbackVolatility.TryGetValue(Asset, out var f) ? f : mesh.DefaultFallbackVolatility;
        var (forecast, source) = s.Volatility switch
        {
            { GarchStatus: OracleGarchStatus.Fitted, ForecastVolatility: { } g } => (g, "garch"),
            { ForecastVolatility: { } e } => (e, "ewma"),
            _ => (fallback, "fallback"),
        };
        var regime = OracleRegime.ToMarket(s.Volatility.Regime);
        Diagnostics.GrainsMetrics.Oracle(Asset, s.UpdatedAt, s.Breaker.IsOpen, time);
        var rejected = s.Rejected.Select(r => new RejectedObservation(r.Source, state.State.Sources.TryGetValue(r.Source, out var o) ? new OraclePrice(o.Price, state.State.Decimals).ToDecimal() : 0m, r.Reason.ToString().ToLowerInvariant())).ToArray();
        return new Public.OracleSnapshot(Asset, s.Price?.ToDecimal(), s.RoundId, s.IsFresh, s.SourcesUsed.Count, rejected, s.Volatility.EwmaVolatility, forecast, regime, s.Breaker.IsOpen, s.HaircutMultiplier, s.UpdatedAt, source, s.Volatility.LongRunVolatility);
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Telling the pools the risk of {Asset} at round {Round} failed")]
    private static partial void LogRiskFailed(ILogger logger, Exception exception, string asset, long round);

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Publishing round {Round} of {Asset} to a revaluation partition failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string asset, long round);
}
