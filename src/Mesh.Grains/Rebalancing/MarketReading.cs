namespace Mesh.Grains.Rebalancing;

/// <summary>What a coordinator knows of its market this round (from the oracle and the venue).</summary>
/// <param name="Price">The price in USD per whole unit: the oracle's, else the venue's mid; null when neither has one.</param>
/// <param name="DailyVolatility">σ_daily: the venue's, when its impact model states one, else the oracle's forecast ÷ √365; null when unknown.</param>
/// <param name="Depth">The venue's depth in base units per day; null without a venue or a market.</param>
/// <param name="ImpactCoefficient">Y: the venue's, else the configured one.</param>
/// <param name="DailyDepth">The venue's depth before recent sales took from it; <paramref name="Depth"/> when the venue does not tell them apart.</param>
/// <param name="Basis">Why the adaptive capacity is or is not known: <c>adaptive</c>, <c>static.no_venue</c>, <c>static.no_market</c>, <c>static.no_volatility</c>.</param>
internal sealed record MarketReading(decimal? Price, double? DailyVolatility, UInt128? Depth, double ImpactCoefficient, string Basis, UInt128? DailyDepth = null)
{
    private static readonly double DaysPerYear = Math.Sqrt(365.0);

    /// <summary>
    /// The reading from what the oracle and the venue said: the oracle's price first (the venue's mid otherwise); the
    /// venue's σ first, because it is the σ of the impact law that fills the orders (depth, σ and Y from one model), and
    /// the oracle's forecast for a venue that states none. (The oracle's forecast in a crash is fitted on one-minute
    /// returns dominated by the fall itself; taken as the impact law's σ it cuts the capacity to a few units.)
    /// </summary>
    /// <param name="snapshot">The oracle's aggregate; null when it did not answer.</param>
    /// <param name="hasVenue">Whether the silo has a venue.</param>
    /// <param name="conditions">The venue's market; null without a venue or a market for the asset.</param>
    /// <param name="fallbackCoefficient">Y when the venue gives none.</param>
    /// <returns>The reading.</returns>
    public static MarketReading From(Mesh.Oracles.OracleSnapshot? snapshot, bool hasVenue, Markets.MarketConditions? conditions, double fallbackCoefficient)
    {
        var price = snapshot?.Price ?? (conditions?.MidPrice > 0 ? conditions.MidPrice : null);
        double? sigma = conditions?.DailyVolatility is { } venue && double.IsFinite(venue) && venue > 0 ? venue : snapshot?.Price is not null ? snapshot.ForecastVolatility / DaysPerYear : null;
        sigma = sigma is { } s && double.IsFinite(s) && s >= 0 ? s : null;
        var y = conditions?.ImpactCoefficient is { } c && double.IsFinite(c) && c > 0 ? c : fallbackCoefficient;
        var basis = !hasVenue ? "static.no_venue" : conditions is null ? "static.no_market" : sigma is null ? "static.no_volatility" : "adaptive";
        return new MarketReading(price, sigma, conditions?.Depth, y, basis, conditions is null ? null : conditions.DailyDepth ?? conditions.Depth);
    }
}
