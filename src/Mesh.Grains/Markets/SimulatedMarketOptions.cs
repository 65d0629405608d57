namespace Mesh.Grains.Markets;

/// <summary>The simulated market venue: one market per asset sold.</summary>
public sealed class SimulatedMarketOptions
{
    /// <summary>Gets the markets by the asset sold (e.g. <c>WETH</c>), ordinal keys.</summary>
    /// <value>The default is empty: the venue has no market until one is added.</value>
    public Dictionary<string, SimulatedAssetMarketOptions> Assets { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Gets or sets whether the venue clears in batches: the orders of one instant (one block) wait and then fill
    /// together at one price, in a batch auction, at the first call at a later instant; until then a sale has no fill.
    /// </summary>
    /// <value>
    /// The default is false: every order fills at once, after the ones before it. The fire-sale simulation sets it, so
    /// that the vaults selling in one step pay the same price whatever order their calls arrive in (runs repeat exactly).
    /// </value>
    public bool BatchClearing { get; set; }

    /// <summary>
    /// Gets or sets the liquidation bonus: a liquidation order (<see cref="MarketOrder.Liquidation"/>) is taken by a
    /// liquidator who repays the vault's debt with collateral worth the repayment times <c>1 + bonus</c>, so the vault
    /// is paid the fill divided by <c>1 + bonus</c> and the liquidator keeps the rest (Aave v3: 5% on WETH; Compound III:
    /// 5–10%; Maker's liquidation penalty: 13%).
    /// </summary>
    /// <value>The default is 0: a liquidation fills as any sale.</value>
    public double LiquidationBonus { get; set; }

    /// <summary>Gets or sets the largest relative shortfall of a fill, or fall of the mid, the model may produce; it keeps prices above zero when a sale dwarfs the depth.</summary>
    /// <value>The default is 0.99.</value>
    public double MaxImpact { get; set; } = 0.99;

    /// <summary>Checks every setting, naming the first one out of range.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (MaxImpact is not (> 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(MaxImpact), MaxImpact, "Markets:MaxImpact must be in (0, 1).");
        }

        if (!(double.IsFinite(LiquidationBonus) && LiquidationBonus is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(LiquidationBonus), LiquidationBonus, "Markets:LiquidationBonus must be in [0, 1).");
        }

        foreach (var (asset, market) in Assets)
        {
            if (string.IsNullOrWhiteSpace(asset))
            {
                throw new ArgumentException("Markets: an asset name is blank.", nameof(Assets));
            }

            ArgumentNullException.ThrowIfNull(market, asset);
            market.Validate(asset);
        }
    }
}
