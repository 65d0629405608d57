namespace Mesh.Grains.Markets;

/// <summary>
/// The market-execution seam: where the mesh's vaults sell collateral, and what the coordinators size their capacity
/// from. One instance per silo (a singleton). Its simulated implementation models depth, temporary and permanent impact
/// (square-root law) and depth recovery; a venue for a real market would implement the same contract.
/// </summary>
public interface IMarketVenue
{
    /// <summary>The market for an asset as of now: mid price, depth, impact coefficient.</summary>
    /// <param name="asset">The asset sold (e.g. <c>WETH</c>).</param>
    /// <returns>The conditions, or null when the venue has no market for the asset.</returns>
    MarketConditions? Conditions(string asset);

    /// <summary>
    /// Sells at market: the fill's average price is below the mid by the impact of the sale, and the mid moves down.
    /// A venue that clears in batches (all the orders of one block at one price) answers null until the order's batch
    /// has cleared; the seller asks again with the same order for the fill.
    /// </summary>
    /// <param name="order">The order; idempotent by <see cref="MarketOrder.OrderId"/> (the same order again returns the same fill, or null while it waits).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The fill, or null while the order waits for its batch to clear.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The venue has no market for the asset, or the order is invalid.</exception>
    Task<MarketFill?> SellAsync(MarketOrder order, CancellationToken cancellationToken = default);
}
