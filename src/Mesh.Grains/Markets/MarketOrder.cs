namespace Mesh.Grains.Markets;

/// <summary>A market sell order.</summary>
/// <param name="OrderId">The caller's id (idempotency key).</param>
/// <param name="Asset">The asset sold.</param>
/// <param name="Quantity">What to sell, in base units of the asset; above zero.</param>
/// <param name="Account">Who sells (a vault key), for the venue's record.</param>
/// <param name="Liquidation">
/// The sale is a liquidation of a vault below a health factor of 1: a liquidator takes the collateral at a bonus
/// (<see cref="SimulatedMarketOptions.LiquidationBonus"/>) and the vault is paid the fill less it.
/// </param>
public sealed record MarketOrder(string OrderId, string Asset, UInt128 Quantity, string Account, bool Liquidation = false);
