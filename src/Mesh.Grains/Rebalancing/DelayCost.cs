namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The cost of waiting, which the impact bound alone leaves out. Of a sale's impact only the transient share is saved
/// by waiting: the permanent share (about two thirds, Moro et al. 2009; Farmer, Gerig, Lillo and Waelbroeck 2013) is
/// paid whenever the quantity is sold, as Almgren and Chriss (2000) model it, and the transient hole in the book heals
/// at the rate <c>λ = ln 2 ÷ half-life</c> (an exponential resilience, Obizhaeva and Wang 2013; Bouchaud's propagator).
/// Holding a unit for <c>dt</c> wins back <c>λ·c·dt</c> of its transient cost <c>c</c>, and loses the price's downward
/// drift <c>μ·dt</c> (Almgren and Chriss's drift term). So selling now is cheaper while the last unit's transient impact
/// is below <c>μ ÷ λ</c>: with the square-root law's marginal impact <c>1.5·Y·σ·√(Q/V)</c>, of which the share
/// <c>1 − φ</c> is transient and <c>√(Q/V)</c> counts the depth recent sales consumed too, the most worth selling now
/// is <c>Q = V·(μ ÷ (λ·(1 − φ)·1.5·Y·σ))² − consumed</c>. In a calm or rising market μ is 0 and so is this; in a crash
/// it exceeds the impact bound, and the static caps bind instead. (V here is the day's depth: a book that recent sales
/// emptied still fills, at a transient cost that this counts.)
/// </summary>
internal static class DelayCost
{
    /// <summary>The quantity worth selling now rather than waiting for the book to heal.</summary>
    /// <param name="depth">V, the day's depth, in base units.</param>
    /// <param name="available">What recent sales left of it (V less the depth consumed).</param>
    /// <param name="dailyVolatility">σ_daily of the impact law.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="fallPerSecond">μ: the price's relative fall per second (0 when it is not falling).</param>
    /// <param name="permanentShare">φ, in [0, 1].</param>
    /// <param name="halfLife">The book's recovery half-life.</param>
    /// <returns>Q in base units (rounded down); zero when the price is not falling; <see cref="UInt128.MaxValue"/> when waiting saves nothing (no transient impact, or no impact at all).</returns>
    public static UInt128 Capacity(UInt128 depth, UInt128 available, double dailyVolatility, double coefficient, double fallPerSecond, double permanentShare, TimeSpan halfLife)
    {
        if (!(fallPerSecond > 0) || !double.IsFinite(fallPerSecond))
        {
            return UInt128.Zero;
        }

        var transient = (1.0 - permanentShare) * 1.5 * coefficient * dailyVolatility;
        if (!(transient > 0) || !double.IsFinite(transient))
        {
            return UInt128.MaxValue;
        }

        var healRate = Math.Log(2) / halfLife.TotalSeconds;
        var ratio = fallPerSecond / (healRate * transient);
        var consumed = depth > available ? (double)(depth - available) : 0.0;
        var q = ((double)depth * ratio * ratio) - consumed;
        return q <= 0 ? UInt128.Zero : q >= (double)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)Math.Floor(q);
    }

    /// <summary>
    /// <see cref="Capacity"/> on a book that refills at a finite rate (<see cref="Markets.BookImpact"/>): selling now is
    /// cheaper while the hole's marginal cost, <c>(1 − φ)·Y·σ</c> times <see cref="Markets.BookImpact.Marginal"/>, is
    /// below <c>μ ÷ λ</c>; the most worth selling now is what takes the hole there.
    /// </summary>
    /// <param name="depth">V, the day's depth, in base units.</param>
    /// <param name="available">What recent sales left of it.</param>
    /// <param name="dailyVolatility">σ_daily of the impact law.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="fallPerSecond">μ (0 when the price is not falling).</param>
    /// <param name="permanentShare">φ.</param>
    /// <param name="halfLife">The book's recovery half-life.</param>
    /// <returns>Q in base units (rounded down); zero when the price is not falling; <see cref="UInt128.MaxValue"/> when waiting saves nothing.</returns>
    public static UInt128 BookCapacity(UInt128 depth, UInt128 available, double dailyVolatility, double coefficient, double fallPerSecond, double permanentShare, TimeSpan halfLife)
    {
        if (!(fallPerSecond > 0) || !double.IsFinite(fallPerSecond))
        {
            return UInt128.Zero;
        }

        var transient = (1.0 - permanentShare) * coefficient * dailyVolatility;
        if (!(transient > 0) || !double.IsFinite(transient))
        {
            return UInt128.MaxValue;
        }

        var healRate = Math.Log(2) / halfLife.TotalSeconds;
        var z = Markets.BookImpact.Inverse(fallPerSecond / (healRate * transient), Markets.BookImpact.RevealedFraction(halfLife));
        var consumed = depth > available ? (double)(depth - available) : 0.0;
        var q = ((double)depth * z) - consumed;
        return q <= 0 ? UInt128.Zero : q >= (double)UInt128.MaxValue ? UInt128.MaxValue : (UInt128)Math.Floor(q);
    }

    /// <summary>
    /// The share of the price the mesh's own sales are expected to have taken off it, under the impact law the capacity
    /// is sized with: the hole its recent sales left in the book, <c>(1 − φ)·Y·σ</c> times the marginal cost at the depth
    /// consumed (<see cref="Markets.BookImpact.Marginal"/>; the plain square root's <c>1.5·√x</c> without a finite book),
    /// and the permanent part of what it sold, <c>φ·1.5·Y·σ·√u</c> with <c>u</c> the fractions of a day's depth absorbed.
    /// Dividing a traded price by <c>1 −</c> this gives the price without the mesh's impact: the drift the cost of delay
    /// weighs is the market's, and the mesh's own impact is paid whenever it sells, so it is no reason to sell sooner.
    /// </summary>
    /// <param name="depth">V, the day's depth, in base units.</param>
    /// <param name="available">What recent sales left of it.</param>
    /// <param name="dailyVolatility">σ_daily of the impact law.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="permanentShare">φ.</param>
    /// <param name="absorbed">u: what the mesh sold, in fractions of the day's depth at the time.</param>
    /// <param name="revealed">The book's <c>z*</c>; <see cref="double.PositiveInfinity"/> for the plain square root.</param>
    /// <returns>The share, in [0, 0.95].</returns>
    public static double OwnImpact(UInt128 depth, UInt128 available, double dailyVolatility, double coefficient, double permanentShare, double absorbed, double revealed)
    {
        var scale = coefficient * dailyVolatility;
        if (depth == UInt128.Zero || !(scale > 0) || !double.IsFinite(scale))
        {
            return 0.0;
        }

        var consumed = depth > available ? (double)(depth - available) / (double)depth : 0.0;
        var hole = (1 - permanentShare) * scale * Markets.BookImpact.Marginal(consumed, revealed);
        var permanent = permanentShare * 1.5 * scale * Math.Sqrt(Math.Max(0.0, absorbed));
        var impact = hole + permanent;
        return double.IsFinite(impact) ? Math.Clamp(impact, 0.0, 0.95) : 0.95;
    }

    /// <summary>
    /// μ from the prices seen: the log fall per second from the oldest price within <paramref name="window"/> of the
    /// newest to the newest; zero when the price rose, or when the prices span less than half the window (too short to
    /// tell a trend from noise).
    /// </summary>
    /// <param name="prices">The prices seen, oldest first.</param>
    /// <param name="window">How far back the trend is read.</param>
    /// <returns>The fall per second, ≥ 0.</returns>
    public static double FallRate(IReadOnlyList<(DateTimeOffset At, decimal Price)> prices, TimeSpan window)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (prices.Count < 2)
        {
            return 0.0;
        }

        var (lastAt, last) = prices[^1];
        var first = -1;
        for (var i = 0; i < prices.Count - 1; i++)
        {
            if (lastAt - prices[i].At <= window)
            {
                first = i;
                break;
            }
        }

        if (first < 0)
        {
            return 0.0;
        }

        var (firstAt, firstPrice) = prices[first];
        var span = (lastAt - firstAt).TotalSeconds;
        if (span < window.TotalSeconds / 2 || firstPrice <= 0 || last <= 0)
        {
            return 0.0;
        }

        var fall = -Math.Log((double)(last / firstPrice)) / span;
        return fall > 0 ? fall : 0.0;
    }
}
