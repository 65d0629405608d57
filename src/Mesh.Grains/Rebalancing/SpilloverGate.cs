namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The fire-sale spillover of a round's sales onto the rest of the mesh (price-mediated contagion: Greenwood, Landier
/// and Thesmar 2015; Cont and Schaanning 2017). Selling <c>q</c> units to repay debt frees <c>q·(h − s)</c> of the
/// sellers' margin (in units of the asset at its price): the haircut <c>h</c> the collateral no longer needs, less the
/// execution cost <c>s</c>. But its permanent impact marks down every unit the mesh still holds, and the oracle
/// follows the traded price: the rest of the mesh's collateral after haircuts loses
/// <c>(1 − h)·(H − q)·φ·1.5·Y·σ·(√(u + q/V) − √u)</c>, the square-root law's lasting share φ on what the mesh has
/// absorbed so far (<c>u</c>, fractions of the day's depth <c>V</c>). A round passes when it frees at least what it
/// marks off. The law is concave, so the first units mark off the most: with nothing absorbed and <c>H ≫ q</c> the
/// freed margin, linear in <c>q</c>, passes the spillover, which grows as <c>√q</c>, only from
/// <c>q* = V·((1 − h)·(H/V)·φ·1.5·Y·σ/(h − s))²</c>. That grows with the square of the mesh's share of the market's
/// depth: at a 20% haircut, 1% execution cost and σ = 6% it is 0.26 WETH of a 40,000-WETH day when the mesh holds 1%
/// of the day's depth, 26 WETH at 10%, and far more than any round the impact bound allows when the mesh holds days
/// of it (a liquidity crunch in which the mesh is the market): then every partial sale waits. What the mesh has
/// absorbed (<c>u</c>) lowers the marginal spillover; the coordinator counts it in memory from its own completed
/// sales of the trailing day (<see cref="AbsorbedFlow"/>: the law's meta-orders are a day's at most), so after an
/// activation, and a day after a crunch, it starts from zero, the stricter side. A shift's proceeds stay in the vault as
/// collateral with a haircut <c>h′</c> of their own: a unit sold then frees <c>h − h′ − s·(1 − h′)</c> of its margin
/// (the unit's value after haircut goes, the proceeds' after theirs come in), <c>h − s</c> when the proceeds repay debt.
/// </summary>
internal static class SpilloverGate
{
    /// <summary>Whether selling <paramref name="quantity"/> now frees at least the margin it marks off the rest of the mesh.</summary>
    /// <param name="quantity">What the round would grant, in base units.</param>
    /// <param name="holdings">What the mesh holds of the asset, in base units (the sellers' holdings included).</param>
    /// <param name="haircut">The sellers' haircut on the asset (a quantity-weighted mean), in [0, 1).</param>
    /// <param name="proceedsHaircut">The haircut on the proceeds the sellers keep as collateral (a quantity-weighted mean, zero for proceeds that repay debt), in [0, 1).</param>
    /// <param name="executionCost">The sale's expected average impact, a fraction of price.</param>
    /// <param name="dailyDepth">The market's day depth, in base units.</param>
    /// <param name="dailyVolatility">σ, daily.</param>
    /// <param name="coefficient">Y.</param>
    /// <param name="permanentShare">φ.</param>
    /// <param name="absorbed">What the mesh's sales have absorbed so far, in fractions of the day's depth.</param>
    /// <returns>The freed margin and the spillover, both in units of the asset at its price, and whether the round passes.</returns>
    public static (double Freed, double Spillover, bool Passes) Weigh(
        UInt128 quantity, UInt128 holdings, double haircut, double proceedsHaircut, double executionCost, UInt128 dailyDepth, double dailyVolatility, double coefficient, double permanentShare, double absorbed)
    {
        var q = (double)quantity;
        var kept = 1.0 - proceedsHaircut;
        var freed = q * (haircut - proceedsHaircut - (Math.Max(0.0, executionCost) * kept));
        if (quantity == UInt128.Zero || dailyDepth == UInt128.Zero || !(dailyVolatility > 0) || !(coefficient > 0) || !(permanentShare > 0))
        {
            return (freed, 0.0, true);
        }

        var rest = Math.Max(0.0, (double)holdings - q);
        var u = Math.Max(0.0, absorbed);
        var lasting = permanentShare * 1.5 * coefficient * dailyVolatility * (Math.Sqrt(u + (q / (double)dailyDepth)) - Math.Sqrt(u));
        var spillover = (1 - haircut) * rest * lasting;
        return (freed, spillover, double.IsFinite(spillover) && freed >= spillover);
    }
}
