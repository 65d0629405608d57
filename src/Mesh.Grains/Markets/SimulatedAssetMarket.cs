namespace Mesh.Grains.Markets;

/// <summary>
/// One asset's simulated market: the state and the impact arithmetic, not thread-safe (the venue serialises calls).
/// </summary>
/// <remarks>
/// <para>
/// The model is the square-root law split into a permanent and a transient part. A sale of <c>q</c> base units is a
/// fraction <c>r = q/V</c> of the day's depth <c>V</c> (the baseline times the simulation's multiplier). Having sold a
/// fraction <c>z</c> of a day's depth moves the price by the peak impact <c>1.5·Y·σ·√z</c> below the exogenous price;
/// a share φ (<see cref="SimulatedAssetMarketOptions.PermanentImpactFraction"/>) of it stays, measured on <c>u</c>, the
/// fractions of depth absorbed so far (they never decay); the rest, <c>1 − φ</c>, is a hole in the book, measured on
/// <c>x</c>, the depth consumed recently, which refills exponentially with the recovery half-life.
/// </para>
/// <para>
/// A fill's average price is the exogenous price less the mean of that impact over the sale's own path:
/// <c>A = [φ·(G(u+r) − G(u)) + (1 − φ)·(G(x+r) − G(x))] / r</c> with <c>G(z) = Y·σ·z^1.5</c>. On a fresh market
/// (<c>u = x = 0</c>) this is exactly the square-root law, <c>A = Y·σ·√(q/V)</c>. The mid is
/// <c>exogenous × (1 − φ·1.5·Y·σ·√u)</c>: it falls by the permanent part only, and with φ = 2/3 a lone sale leaves it
/// at the sale's average price. Because both parts are functions of cumulative quantities, a sale split into many
/// concurrent child orders pays what one block pays (no artefact rewards or punishes splitting); a sale spread over
/// time pays less transient impact as the book refills between the slices, as in Almgren and Chriss.
/// </para>
/// <para>
/// With <see cref="SimulatedAssetMarketOptions.SpeedDependentImpact"/> the transient share also depends on how fast
/// the depth is consumed. The square-root law is measured on meta-orders that trade a small part of the volume over
/// hours, while the latent liquidity has time to be revealed (Tóth et al. 2011; Donier, Bonart, Mastromatteo and
/// Bouchaud 2015); at any instant the book shows only what has been revealed and not yet consumed. With liquidity
/// revealed at the day's rate <c>V</c> and the hole healing at the rate <c>λ = ln 2 ÷ half-life</c> (Obizhaeva and
/// Wang 2013's resilience), the book in front of the mid holds <c>B = V ÷ λ</c> in a day's units, i.e. a fraction
/// <c>z* = 1 ÷ (λ · 1 day)</c> of <c>V</c> (1% for a 10-minute half-life). Within it the hole follows the square-root
/// law; a sale that consumes more than that before the book refills walks the book beyond it, where the book is as
/// dense as at its edge: the marginal impact grows linearly in the quantity, as in Obizhaeva and Wang's block-shaped
/// book and Kyle's linear impact (Dall'Amico, Fosset, Bouchaud and Benzaquen 2019: when latent liquidity is converted
/// into the book more slowly than it is taken, the book empties and the price gaps). The continuation is the square
/// root's tangent at <c>z*</c>, <c>1.5·√z*·(1 + (x − z*) ÷ (2·z*))</c>, so the two laws join smoothly. The permanent
/// share stays the square-root law on the fractions absorbed, independent of the speed (Benzaquen and Bouchaud 2018
/// find the permanent impact independent of the trading rate). So a block of a day's depth sold in one step pays a
/// hole far below the mid, and the same quantity spread over the refill time pays little more than the square root.
/// </para>
/// </remarks>
internal sealed class SimulatedAssetMarket
{
    private readonly SimulatedAssetMarketOptions _options;
    private readonly double _maxImpact;
    private readonly decimal _liquidationBonus;
    private readonly decimal _assetUnit;
    private readonly decimal _quoteUnit;
    private readonly List<MarketFill> _fills = [];
    private decimal _exogenous;
    private double _multiplier = 1.0;
    private double _consumed;
    private double _absorbed;
    private DateTimeOffset _asOf;
    private UInt128 _sold;
    private UInt128 _proceeds;
    private UInt128 _slippage;
    private UInt128 _shortfall;

    internal SimulatedAssetMarket(string asset, SimulatedAssetMarketOptions options, double maxImpact, DateTimeOffset now, double liquidationBonus = 0)
    {
        Asset = asset;
        _options = options;
        _maxImpact = maxImpact;
        _liquidationBonus = (decimal)liquidationBonus;
        _assetUnit = (decimal)Pools.FixedPoint.Pow10(options.AssetDecimals);
        _quoteUnit = (decimal)Pools.FixedPoint.Pow10(options.QuoteDecimals);
        _exogenous = options.StartMidPrice;
        _asOf = now;
    }

    internal string Asset { get; }

    internal IReadOnlyList<MarketFill> Fills => _fills;

    private double EffectiveDepth => (double)_options.BaselineDepth * _multiplier;

    private double Scale => _options.ImpactCoefficient * _options.DailyVolatility;

    private double PermanentImpact => Math.Min(_maxImpact, _options.PermanentImpactFraction * 1.5 * Scale * Math.Sqrt(_absorbed));

    /// <summary>The book's hole: the marginal transient impact of the depth consumed recently (it heals as the depth refills).</summary>
    private double TransientImpact => (1 - _options.PermanentImpactFraction) * Scale * MarginalHole(_consumed / EffectiveDepth);

    /// <summary>The fraction of the day's depth the book in front of the mid holds (<c>z*</c>); infinite without speed-dependent impact.</summary>
    private double RevealedBook => _options.SpeedDependentImpact
        ? BookImpact.RevealedFraction(_options.DepthRecoveryHalfLife)
        : double.PositiveInfinity;

    /// <summary>The mid: the exogenous price less the permanent impact and, when the market quotes the book as it stands, the hole sales left in it.</summary>
    private decimal Mid => _exogenous * (decimal)(1.0 - (_options.MidIncludesTransientImpact ? Math.Min(_maxImpact, PermanentImpact + TransientImpact) : PermanentImpact));

    internal void SetExogenous(decimal price, double? depthMultiplier, DateTimeOffset now)
    {
        Advance(now);
        _exogenous = price;
        if (depthMultiplier is { } m)
        {
            _multiplier = m;
        }
    }

    internal MarketConditions Conditions(DateTimeOffset now)
    {
        Advance(now);
        return new MarketConditions(Asset, _options.QuoteAsset, Mid, Available(), _options.DailyVolatility, _options.ImpactCoefficient, now, ToBaseUnits(EffectiveDepth));
    }

    internal SimulatedMarketState State(DateTimeOffset now)
    {
        Advance(now);
        return new SimulatedMarketState(
            Asset, _options.QuoteAsset, _exogenous, Mid, 1.0 - PermanentImpact, _multiplier, ToBaseUnits(EffectiveDepth), Available(),
            _sold, _proceeds, _slippage, _shortfall, _fills.Count, now);
    }

    /// <summary>Fills a sell order; the caller has validated it and checked idempotency.</summary>
    /// <exception cref="OverflowException">The order's value does not fit the exact decimal arithmetic.</exception>
    internal MarketFill Sell(MarketOrder order, DateTimeOffset now) => SellBatch([order], now)[0];

    /// <summary>
    /// Fills the orders of one instant together, as one sale of their total at one average price (a batch auction):
    /// each order gets its quantity times that price, rounded down, so the fills do not depend on the orders' order.
    /// </summary>
    /// <exception cref="OverflowException">The orders' value does not fit the exact decimal arithmetic.</exception>
    internal IReadOnlyList<MarketFill> SellBatch(IReadOnlyList<MarketOrder> orders, DateTimeOffset now)
    {
        Advance(now);
        var total = UInt128.Zero;
        foreach (var order in orders)
        {
            total = checked(total + order.Quantity);
        }

        var depth = EffectiveDepth;
        var r = (double)total / depth;
        var x = _consumed / depth;
        var phi = _options.PermanentImpactFraction;
        var impact = Math.Min(_maxImpact, Scale * ((phi * MeanMarginalCost(_absorbed, r)) + ((1 - phi) * BookImpact.Mean(x, r, RevealedBook))));
        var midBefore = Mid;
        var average = _exogenous * (decimal)(1.0 - impact);
        _consumed += (double)total;
        _absorbed += r;
        var midAfter = Mid;
        var fills = new List<MarketFill>(orders.Count);
        foreach (var order in orders)
        {
            var whole = (decimal)order.Quantity / _assetUnit;
            var proceeds = (UInt128)decimal.Floor(whole * average * _quoteUnit);
            if (order.Liquidation && _liquidationBonus > 0m)
            {
                // The liquidator repays the vault's debt with collateral worth the repayment times 1 + bonus.
                proceeds = (UInt128)decimal.Floor((decimal)proceeds / (1m + _liquidationBonus));
            }

            var atMid = (UInt128)decimal.Floor(whole * midBefore * _quoteUnit);
            _sold = checked(_sold + order.Quantity);
            _proceeds = checked(_proceeds + proceeds);
            _slippage = checked(_slippage + (atMid > proceeds ? atMid - proceeds : UInt128.Zero));
            var atExogenous = (UInt128)decimal.Floor(whole * _exogenous * _quoteUnit);
            _shortfall = checked(_shortfall + (atExogenous > proceeds ? atExogenous - proceeds : UInt128.Zero));
            var fill = new MarketFill(order.OrderId, Asset, _options.QuoteAsset, order.Quantity, proceeds, average, midBefore, midAfter, now);
            _fills.Add(fill);
            fills.Add(fill);
        }

        return fills;
    }

    /// <summary>
    /// The mean of the marginal cost <c>1.5·√z</c> over <c>[b, b + r]</c>, i.e. <c>((b + r)^1.5 − b^1.5) / r</c>, in a
    /// form that keeps its precision when <c>r</c> is tiny against <c>b</c> (it is <c>√r</c> when <c>b</c> is 0).
    /// </summary>
    internal static double MeanMarginalCost(double b, double r)
    {
        var a = b + r;
        var denominator = (a * Math.Sqrt(a)) + (b * Math.Sqrt(b));
        return denominator == 0 ? 0 : ((a * a) + (a * b) + (b * b)) / denominator;
    }

    /// <summary>The marginal cost of the hole at <paramref name="z"/> (depth consumed recently over the day's depth), in units of <c>Y·σ</c>.</summary>
    private double MarginalHole(double z) => BookImpact.Marginal(z, RevealedBook);

    private void Advance(DateTimeOffset now)
    {
        if (now <= _asOf)
        {
            return;
        }

        var halfLives = (now - _asOf).TotalSeconds / _options.DepthRecoveryHalfLife.TotalSeconds;
        _consumed *= Math.Pow(2, -halfLives);
        _asOf = now;
    }

    private UInt128 Available() => ToBaseUnits(Math.Max(0, EffectiveDepth - _consumed));

    private static UInt128 ToBaseUnits(double value) => value <= 0 ? UInt128.Zero : (UInt128)Math.Floor(value);
}
