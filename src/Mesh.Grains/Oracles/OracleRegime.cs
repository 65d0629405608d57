using Mesh.Oracles;
using Mesh.Risk.Volatility;

namespace Mesh.Grains.Oracles;

/// <summary>
/// The one place a volatility becomes a regime: a volatility against the asset's long-run level, with the asset's
/// <see cref="OracleOptions.Regime"/> thresholds (<see cref="VolatilityRegimeClassifier"/>). The oracle classifies its
/// forecast with it; the allocation policy classifies realized (EWMA) and forecast volatility with it, so the two
/// never disagree on where calm ends.
/// </summary>
internal static class OracleRegime
{
    /// <summary>Classifies a volatility against a long-run level.</summary>
    /// <param name="volatility">The annualized volatility (≥ 0).</param>
    /// <param name="longRunVolatility">The annualized long-run level (≥ 0); a zero level makes any movement stressed.</param>
    /// <param name="thresholds">The asset's thresholds.</param>
    /// <returns>The regime.</returns>
    public static VolatilityRegime Of(double volatility, double longRunVolatility, VolatilityRegimeOptions thresholds) =>
        longRunVolatility > 0.0 ? VolatilityRegimeClassifier.Classify(volatility, longRunVolatility, thresholds)
            : volatility > 0.0 ? VolatilityRegime.Stressed
            : VolatilityRegime.Calm;

    /// <summary>Classifies a volatility as the oracle publishes regimes: calm until there is history to say otherwise.</summary>
    /// <param name="volatility">The annualized volatility, or null with too little history.</param>
    /// <param name="longRunVolatility">The annualized long-run level, or null with too little history.</param>
    /// <param name="thresholds">The asset's thresholds.</param>
    /// <returns>The regime.</returns>
    public static MarketRegime Classify(double? volatility, double? longRunVolatility, VolatilityRegimeOptions thresholds) =>
        volatility is { } v && longRunVolatility is { } l ? ToMarket(Of(v, l, thresholds)) : MarketRegime.Calm;

    /// <summary>The published regime of a classification (none yet is calm).</summary>
    /// <param name="regime">The classification, or null with too little history.</param>
    /// <returns>The regime.</returns>
    public static MarketRegime ToMarket(VolatilityRegime? regime) => regime switch
    {
        VolatilityRegime.Stressed => MarketRegime.Stressed,
        VolatilityRegime.Elevated => MarketRegime.Elevated,
        _ => MarketRegime.Calm,
    };
}
