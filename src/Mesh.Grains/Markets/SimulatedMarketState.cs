namespace Mesh.Grains.Markets;

/// <summary>A simulated market's state, as the simulation engine reads it.</summary>
/// <param name="Asset">The asset sold.</param>
/// <param name="QuoteAsset">What it is sold for.</param>
/// <param name="ExogenousPrice">The fundamental price the simulation set, in whole quote units per whole unit.</param>
/// <param name="MidPrice">The mid: the exogenous price times <paramref name="PermanentImpactFactor"/>.</param>
/// <param name="PermanentImpactFactor">What the sales so far left of the price, in (0, 1]: 1 before any sale.</param>
/// <param name="DepthMultiplier">The liquidity multiplier the simulation set (1 is a normal market; 0.3 is depth down 70%).</param>
/// <param name="BaselineDepth">The baseline depth times the multiplier, base units per day.</param>
/// <param name="AvailableDepth">What is left of it after recent sales, base units; it refills with the recovery half-life.</param>
/// <param name="CumulativeSold">Everything sold, base units of the asset (exact).</param>
/// <param name="CumulativeProceeds">Everything it fetched, base units of the quote asset (exact; each fill rounded down).</param>
/// <param name="CumulativeSlippage">What the sales lost against the mid before each of them, base units of the quote asset.</param>
/// <param name="CumulativeShortfall">What the sales fetched below the exogenous price at the time of each, base units of the quote asset: the whole cost of the sales' impact, permanent and transient, which splitting an order cannot hide (slippage against each child's own mid can).</param>
/// <param name="Fills">How many fills there were.</param>
/// <param name="AsOf">When the state was read.</param>
public sealed record SimulatedMarketState(
    string Asset,
    string QuoteAsset,
    decimal ExogenousPrice,
    decimal MidPrice,
    double PermanentImpactFactor,
    double DepthMultiplier,
    UInt128 BaselineDepth,
    UInt128 AvailableDepth,
    UInt128 CumulativeSold,
    UInt128 CumulativeProceeds,
    UInt128 CumulativeSlippage,
    UInt128 CumulativeShortfall,
    int Fills,
    DateTimeOffset AsOf);
