namespace Mesh.Grains.Markets;

/// <summary>
/// The perpetual-futures side of the market-execution seam: where a vault that opted in hedges its delta instead of
/// selling collateral. One instance per silo (a singleton). A venue for a real exchange would implement the same
/// contract; <see cref="SimulatedPerpVenue"/> prices against the spot venue's mid.
/// </summary>
public interface IPerpVenue
{
    /// <summary>Trades a perp at market: a negative size sells (opens or adds to a short), a positive one buys.</summary>
    /// <param name="order">The order; idempotent by <see cref="PerpOrder.OrderId"/> (the same order again returns the same fill).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fill.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The venue has no perp on the underlying (<c>market.unknown</c>), or the order is invalid.</exception>
    Task<PerpFill> TradeAsync(PerpOrder order, CancellationToken cancellationToken = default);

    /// <summary>The perp book's conditions now (mark, depth, volatility, impact coefficient), which the perp market's coordinator sizes its capacity from; null when the venue has no perp on the underlying.</summary>
    /// <param name="underlying">The perp's underlying.</param>
    /// <returns>The conditions, or null.</returns>
    MarketConditions? Conditions(string underlying);
}

/// <summary>A perp market order.</summary>
/// <param name="OrderId">The caller's id (idempotency key).</param>
/// <param name="Underlying">The perp's underlying (e.g. <c>WETH</c>).</param>
/// <param name="Quantity">The size traded, in base units of the underlying; above zero.</param>
/// <param name="Sell">True to sell (short), false to buy.</param>
/// <param name="Account">Who trades (a vault key), for the venue's record.</param>
public sealed record PerpOrder(string OrderId, string Underlying, UInt128 Quantity, bool Sell, string Account);

/// <summary>What a perp order got.</summary>
/// <param name="OrderId">The order's id.</param>
/// <param name="Underlying">The underlying.</param>
/// <param name="Quantity">The size traded, base units of the underlying (the whole order).</param>
/// <param name="Sell">Whether it sold.</param>
/// <param name="AveragePrice">The average fill price, in the quote asset per whole unit.</param>
/// <param name="Mark">The mark price before the order (the spot mid the perp tracks).</param>
/// <param name="FilledAt">When it filled.</param>
public sealed record PerpFill(string OrderId, string Underlying, UInt128 Quantity, bool Sell, decimal AveragePrice, decimal Mark, DateTimeOffset FilledAt)
{
    /// <summary>Gets the impact paid: how much worse than the mark the average price is, as a fraction (never negative).</summary>
    public double Slippage => Mark == 0 ? 0 : (double)((Sell ? Mark - AveragePrice : AveragePrice - Mark) / Mark);
}
