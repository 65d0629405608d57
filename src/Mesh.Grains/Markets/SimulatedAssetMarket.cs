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
/// </remarks>
internal sealed class SimulatedAssetMarket
{
    private readonly SimulatedAssetMarketOptions _options;
    private readonly double _maxImpact;
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

    internal SimulatedAssetMarket(string asset, SimulatedAssetMarketOptions options, double maxImpact, DateTimeOffset now)
    {
        Asset = asset;
        _options = options;
        _maxImpact = maxImpact;
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
    private double TransientImpact => (1 - _options.PermanentImpactFraction) * 1.5 * Scale * Math.Sqrt(_consumed / EffectiveDepth);

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
        var impact = Math.Min(_maxImpact, Scale * ((phi * MeanMarginalCost(_absorbed, r)) + ((1 - phi) * MeanMarginalCost(x, r))));
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
