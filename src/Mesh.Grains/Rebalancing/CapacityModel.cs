using Mesh.Risk.Haircuts;

namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The adaptive capacity: the most that may be in flight so that its expected impact under the square-root law,
/// <c>Y·σ·√(Q/V)</c>, stays under the bound: <c>Q = V·(bound ÷ (Y·σ))²</c>. It shrinks with the square of volatility and
/// in proportion to depth, so a liquidity crunch (depth contracting, volatility rising) cuts it at once.
/// </summary>
internal static class CapacityModel
{
    /// <summary>The impact-bounded capacity.</summary>
    /// <param name="depth">V, in base units per day.</param>
    /// <param name="dailyVolatility">σ_daily.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="bound">The impact bound.</param>
    /// <returns>Q in base units (rounded down); <see cref="UInt128.MaxValue"/> when nothing moves the price (σ or Y zero).</returns>
    public static UInt128 Capacity(UInt128 depth, double dailyVolatility, double coefficient, double bound)
    {
        var scale = coefficient * dailyVolatility;
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            return UInt128.MaxValue;
        }

        var ratio = bound / scale;
        var q = (double)depth * ratio * ratio;
        return q >= (double)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)Math.Floor(q);
    }

    /// <summary>The expected relative impact of selling <paramref name="inFlight"/>; null when the market is unknown.</summary>
    /// <param name="inFlight">What is in flight.</param>
    /// <param name="reading">The market.</param>
    /// <returns>The impact as a fraction of price.</returns>
    public static double? ExpectedImpact(UInt128 inFlight, MarketReading reading) =>
        reading is { Depth: { } depth, DailyVolatility: { } sigma } && depth > UInt128.Zero && sigma >= 0
            ? MarketImpact.SquareRoot(sigma, (double)inFlight, (double)depth, reading.ImpactCoefficient)
            : null;
}
