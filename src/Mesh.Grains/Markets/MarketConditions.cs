namespace Mesh.Grains.Markets;

/// <summary>An asset's market as the venue sees it now.</summary>
/// <param name="Asset">The asset sold.</param>
/// <param name="QuoteAsset">What it is sold for (e.g. <c>USDC</c>).</param>
/// <param name="MidPrice">The mid price in units of the quote asset per whole unit of the asset.</param>
/// <param name="Depth">What the market absorbs in a day, in base units of the asset (the <c>V</c> of the square-root law); it contracts in a liquidity crunch.</param>
/// <param name="DailyVolatility">The market's daily volatility used by its impact model (the <c>σ</c> of the square-root law).</param>
/// <param name="ImpactCoefficient">The square-root law's coefficient (<c>Y</c>), about 1 in the empirical literature.</param>
/// <param name="AsOf">When the conditions were taken.</param>
/// <param name="DailyDepth">
/// The day's depth before recent sales took from it (the book once healed, under today's conditions), in base units;
/// <paramref name="Depth"/> is what is left of it now. Null when the venue does not tell them apart (then both are
/// <paramref name="Depth"/>).
/// </param>
public sealed record MarketConditions(
    string Asset,
    string QuoteAsset,
    decimal MidPrice,
    UInt128 Depth,
    double DailyVolatility,
    double ImpactCoefficient,
    DateTimeOffset AsOf,
    UInt128? DailyDepth = null);
