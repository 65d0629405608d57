namespace Mesh.Grains.Markets;

/// <summary>What a market sell order got.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Asset">The asset sold.</param>
/// <param name="QuoteAsset">What it was sold for.</param>
/// <param name="Sold">What was sold, in base units of the asset (the whole order).</param>
/// <param name="Proceeds">What it fetched, in base units of the quote asset (rounded down).</param>
/// <param name="AveragePrice">Proceeds per whole unit sold, in the quote asset.</param>
/// <param name="MidBefore">The mid price before the order.</param>
/// <param name="MidAfter">The mid price after it (lower by the permanent impact).</param>
/// <param name="FilledAt">When it filled.</param>
public sealed record MarketFill(
    string OrderId,
    string Asset,
    string QuoteAsset,
    UInt128 Sold,
    UInt128 Proceeds,
    decimal AveragePrice,
    decimal MidBefore,
    decimal MidAfter,
    DateTimeOffset FilledAt)
{
    /// <summary>Gets the slippage: the shortfall of the average price against the mid before, as a fraction.</summary>
    public double Slippage => MidBefore == 0 ? 0 : (double)((MidBefore - AveragePrice) / MidBefore);
}
