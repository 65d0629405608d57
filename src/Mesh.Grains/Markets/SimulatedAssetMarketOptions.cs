namespace Mesh.Grains.Markets;

/// <summary>
/// One asset's simulated market: its quote asset, its starting mid price, how deep it is and how hard a sale moves it
/// (the square-root law, impact ≈ Y·σ·√(q/V)), how much of that move is permanent and how fast the book refills.
/// </summary>
public sealed class SimulatedAssetMarketOptions
{
    /// <summary>Gets or sets what the asset is sold for.</summary>
    /// <value>The default is <c>USDC</c>.</value>
    public string QuoteAsset { get; set; } = "USDC";

    /// <summary>Gets or sets the mid price at start, in whole quote units per whole unit of the asset; the exogenous price until the simulation sets one.</summary>
    /// <value>The default is 3,000.</value>
    public decimal StartMidPrice { get; set; } = 3_000m;

    /// <summary>Gets or sets what the market absorbs in a day with no liquidity crunch, in base units of the asset (the <c>V</c> of the square-root law).</summary>
    /// <value>The default is 100,000 whole units of an 18-decimal asset (10^23 base units).</value>
    public UInt128 BaselineDepth { get; set; } = UInt128.Parse("100000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gets or sets the daily volatility the impact model uses (the <c>σ</c> of the square-root law).</summary>
    /// <value>The default is 0.05 (5% a day, about 95% a year: a stressed crypto market).</value>
    public double DailyVolatility { get; set; } = 0.05;

    /// <summary>Gets or sets the square-root law's coefficient <c>Y</c>.</summary>
    /// <value>The default is 1 (Tóth et al. 2011 find Y of order 1; Donier and Bonart 2015 confirm it for Bitcoin).</value>
    public double ImpactCoefficient { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets the share of a sale's peak impact that stays in the mid price for good; the rest is transient and
    /// heals as the depth recovers.
    /// </summary>
    /// <value>
    /// The default is 2/3: after a meta-order ends its impact relaxes to about two thirds of its peak, which puts the
    /// mid at the sale's average price ("fair pricing": Farmer, Gerig, Lillo and Waelbroeck 2013; measured by Moro et
    /// al. 2009, Bershova and Rakhlin 2013, Bacry et al. 2015).
    /// </value>
    public double PermanentImpactFraction { get; set; } = 2.0 / 3.0;

    /// <summary>
    /// Gets or sets whether the mid shows the book as it stands: below the exogenous price by the permanent impact and by
    /// the hole recent sales left in the depth (the marginal price of the next sale), which heals as the depth refills.
    /// </summary>
    /// <value>
    /// The default is false: the mid shows the permanent impact only (after a lone sale it equals the sale's average
    /// price). The fire-sale simulation sets it, so that the oracle follows the price a market under a fire sale trades at.
    /// </value>
    public bool MidIncludesTransientImpact { get; set; }

    /// <summary>Gets or sets how long the book takes to refill half of the depth sales consumed.</summary>
    /// <value>The default is 10 minutes.</value>
    public TimeSpan DepthRecoveryHalfLife { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets whether the transient impact depends on the speed of selling: the book in front of the mid holds only
    /// the liquidity revealed over one recovery time, and a sale that consumes more than that in less time walks the
    /// book linearly beyond it instead of following the square-root law.
    /// </summary>
    /// <value>
    /// The default is false: the transient share follows the square-root law on the depth consumed recently, however
    /// fast it was consumed. The fire-sale simulation sets it; the model is on <see cref="SimulatedAssetMarket"/>.
    /// </value>
    public bool SpeedDependentImpact { get; set; }

    /// <summary>Gets or sets the asset's decimals (base units per whole unit = 10^decimals).</summary>
    /// <value>The default is 18 (WETH).</value>
    public int AssetDecimals { get; set; } = 18;

    /// <summary>Gets or sets the quote asset's decimals.</summary>
    /// <value>The default is 6 (USDC).</value>
    public int QuoteDecimals { get; set; } = 6;

    /// <summary>Checks every setting, naming the first one out of range.</summary>
    /// <param name="asset">The asset the settings are for, for the message.</param>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate(string asset)
    {
        Require(!string.IsNullOrWhiteSpace(QuoteAsset), asset, nameof(QuoteAsset), "is required");
        Require(StartMidPrice > 0m, asset, nameof(StartMidPrice), "must be above zero");
        Require(BaselineDepth > UInt128.Zero, asset, nameof(BaselineDepth), "must be above zero");
        Require(double.IsFinite(DailyVolatility) && DailyVolatility >= 0, asset, nameof(DailyVolatility), "must be finite and not negative");
        Require(double.IsFinite(ImpactCoefficient) && ImpactCoefficient >= 0, asset, nameof(ImpactCoefficient), "must be finite and not negative");
        Require(PermanentImpactFraction is >= 0 and <= 1, asset, nameof(PermanentImpactFraction), "must be in [0, 1]");
        Require(DepthRecoveryHalfLife > TimeSpan.Zero, asset, nameof(DepthRecoveryHalfLife), "must be above zero");
        Require(AssetDecimals is >= 0 and <= 24, asset, nameof(AssetDecimals), "must be in [0, 24]");
        Require(QuoteDecimals is >= 0 and <= 24, asset, nameof(QuoteDecimals), "must be in [0, 24]");
    }

    private static void Require(bool ok, string asset, string name, string what)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException(name, $"Markets:{asset}:{name} {what}.");
        }
    }
}
