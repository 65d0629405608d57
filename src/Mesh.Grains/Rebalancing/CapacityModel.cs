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

    /// <summary>
    /// The impact-bounded capacity on a book that refills at a finite rate: the most <c>Q</c> whose expected impact,
    /// <c>Y·σ·[φ·√r + (1 − φ)·mean hole cost over [x, x + r]]</c> with <c>r = Q/V</c> and <c>x</c> the fraction of the
    /// day's depth recent sales consumed (<see cref="Markets.BookImpact"/>), stays under the bound. A deep hole leaves no
    /// room: the coordinator then grants what the book refills, step by step.
    /// </summary>
    /// <param name="dailyDepth">V, the day's depth, in base units.</param>
    /// <param name="available">What recent sales left of it.</param>
    /// <param name="dailyVolatility">σ_daily.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="bound">The impact bound.</param>
    /// <param name="permanentShare">φ.</param>
    /// <param name="halfLife">The book's recovery half-life.</param>
    /// <returns>Q in base units (rounded down); <see cref="UInt128.MaxValue"/> when nothing moves the price.</returns>
    public static UInt128 BookCapacity(UInt128 dailyDepth, UInt128 available, double dailyVolatility, double coefficient, double bound, double permanentShare, TimeSpan halfLife)
    {
        var revealed = Markets.BookImpact.RevealedFraction(halfLife);
        return Largest(dailyDepth, available, dailyVolatility, coefficient, bound, revealed, (x, r) => (permanentShare * Math.Sqrt(r)) + ((1 - permanentShare) * Markets.BookImpact.Mean(x, r, revealed)));
    }

    /// <summary>
    /// The impact-bounded capacity on a book that remembers the flow it took (a perp book, <c>SimulatedPerpVenue</c>):
    /// the most <c>Q</c> whose mean impact over the flow it adds, <c>Y·σ·((x + r)^1.5 − x^1.5) ÷ r</c> with <c>r = Q/V</c>
    /// and <c>x</c> the flow the book still holds as a fraction of the day's depth, stays under the bound. On a rested
    /// book it is <see cref="Capacity"/>; once the held flow alone displaces the price by the bound
    /// (<c>1.5·Y·σ·√x ≥ bound</c>) there is no room until the book forgets.
    /// </summary>
    /// <param name="dailyDepth">V, the day's depth, in base units.</param>
    /// <param name="available">The day's depth less the flow the book holds.</param>
    /// <param name="dailyVolatility">σ_daily.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="bound">The impact bound.</param>
    /// <returns>Q in base units (rounded down); <see cref="UInt128.MaxValue"/> when nothing moves the price.</returns>
    public static UInt128 MemoryCapacity(UInt128 dailyDepth, UInt128 available, double dailyVolatility, double coefficient, double bound) =>
        Largest(dailyDepth, available, dailyVolatility, coefficient, bound, Math.Pow(bound / (coefficient * dailyVolatility), 2), Markets.SimulatedAssetMarket.MeanMarginalCost);

    /// <summary>
    /// The largest <c>Q</c> whose impact in units of <c>Y·σ</c>, <paramref name="impact"/>(x, Q/V) (increasing in its
    /// second argument) with <c>x</c> the fraction of the day's depth already taken, stays under <c>bound ÷ (Y·σ)</c>:
    /// doubled from <paramref name="start"/> until past it, then halved to it.
    /// </summary>
    private static UInt128 Largest(UInt128 dailyDepth, UInt128 available, double dailyVolatility, double coefficient, double bound, double start, Func<double, double, double> impact)
    {
        var scale = coefficient * dailyVolatility;
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            return UInt128.MaxValue;
        }

        if (dailyDepth == UInt128.Zero)
        {
            return UInt128.Zero;
        }

        var v = (double)dailyDepth;
        var x = dailyDepth > available ? (double)(dailyDepth - available) / v : 0.0;
        var target = bound / scale;
        if (impact(x, 0) >= target)
        {
            return UInt128.Zero;
        }

        var (low, high) = (0.0, start);
        while (impact(x, high) < target && high < 1e12)
        {
            (low, high) = (high, high * 2);
        }

        for (var i = 0; i < 100; i++)
        {
            var mid = (low + high) / 2;
            (low, high) = impact(x, mid) < target ? (mid, high) : (low, mid);
        }

        var q = v * low;
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
