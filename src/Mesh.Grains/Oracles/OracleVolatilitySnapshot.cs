using Mesh.Risk.Volatility;

namespace Mesh.Grains.Oracles;

/// <summary>Realized and forecast volatility of the aggregate, annualised, and the regime.</summary>
/// <param name="Returns">The returns kept (at most the configured maximum).</param>
/// <param name="EwmaVolatility">The annualised EWMA volatility, or null with too few returns.</param>
/// <param name="GarchVolatility">The annualised GARCH(1,1) term volatility over the regime horizon, or null.</param>
/// <param name="ForecastVolatility">The one to use: GARCH when fitted, EWMA otherwise (null with too few returns).</param>
/// <param name="LongRunVolatility">The annualised long-run level: GARCH's when fitted, else the kept returns' RMS.</param>
/// <param name="GarchStatus">Whether GARCH is fitted, not yet, or fell back to EWMA.</param>
/// <param name="GarchNote">Why GARCH fell back, if it did.</param>
/// <param name="Regime">
/// The regime of the higher of the EWMA and GARCH forecasts against the long-run level (a jump that a GARCH fitted on
/// calm history under-weights still turns it before the next refit), or null with too few returns.
/// </param>
internal sealed record OracleVolatilitySnapshot(
    int Returns,
    double? EwmaVolatility,
    double? GarchVolatility,
    double? ForecastVolatility,
    double? LongRunVolatility,
    OracleGarchStatus GarchStatus,
    string? GarchNote,
    VolatilityRegime? Regime);
