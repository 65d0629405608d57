using System.Collections.Concurrent;
using System.Numerics;
using Mesh.Errors;

namespace Mesh.Grains.Markets;

/// <summary>
/// A simulated perp venue over the spot venue: a perp's mark is the spot mid (funding keeps a perp at its index), and
/// an order pays the square-root law's impact on the perp's own book, whose day depth V is the spot market's times
/// <see cref="SimulatedPerpOptions.DepthMultiple"/>, with the spot market's Y and σ. The book remembers the net flow x
/// it took (sells up, buys down), which decays with <see cref="SimulatedPerpOptions.ImpactHalfLife"/>: the price sits
/// 1.5·Y·σ·√(x/V) below the mark, so an order alone on a rested book pays I = Y·σ·√(Q/V) on average and orders that
/// follow each other pay for the ones before (a buy into a book that sells depressed pays less). Orders at one instant
/// are each priced against the book as it stood before that instant, and their flow (summed exactly, in base units)
/// weighs on later instants: the fills do not depend on the order the calls of one instant arrive in, so that a
/// simulation repeats to the last digit (the coordinator bounds what one instant can take). The basis arbitrage that
/// carries a perp's impact into the spot price is off unless <see cref="SimulatedPerpOptions.BasisArbitrageBand"/> is
/// set (then <see cref="ArbitrageAsync"/> runs it: off, a hedge moves no spot price); funding payments and margin calls
/// are left out. A short hedge goes under the coordinator of the perp's own market
/// (<c>ASSET-PERP</c>), which sizes its room from this book's <see cref="Conditions"/>, and claims the one global
/// budget as a spot sale does.
/// </summary>
public sealed class SimulatedPerpVenue : IPerpVenue
{
    private readonly IMarketVenue _spot;
    private readonly SimulatedPerpOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, PerpFill> _fills = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PerpBook> _books = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _arbitraging;
    private readonly List<MarketOrder> _unfilled = [];
    private readonly List<MarketFill> _arbitraged = [];
    private int _arbitrageOrders;

    /// <summary>Creates the venue.</summary>
    /// <param name="spot">The spot venue whose mid, depth and volatility the perps follow.</param>
    /// <param name="options">The depth multiple and the book's half-life.</param>
    /// <param name="time">The clock fills are stamped with.</param>
    public SimulatedPerpVenue(IMarketVenue spot, SimulatedPerpOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(spot);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        (_spot, _options, _time) = (spot, options, time);
    }

    /// <summary>The account the basis arbitrageur's spot orders are sold for, and the start of their order ids.</summary>
    public const string ArbitrageAccount = "basis-arbitrage";

    /// <summary>Gets how many distinct orders have filled.</summary>
    public int Fills => _fills.Count;

    /// <summary>Gets the spot fills of the basis arbitrageur's orders so far, oldest first.</summary>
    public IReadOnlyList<MarketFill> ArbitrageFills
    {
        get
        {
            lock (_gate)
            {
                return [.. _arbitraged];
            }
        }
    }

    /// <summary>
    /// The basis arbitrage, when <see cref="SimulatedPerpOptions.BasisArbitrageBand"/> is set: an arbitrageur buys
    /// the underlying's perp wherever its book sits more than the band below spot, and sells as much spot, so that the
    /// perp is back at the band and its displacement is carried into the spot market (whose price the oracle follows).
    /// The buy happens at this instant (it weighs on later instants, not on this one's orders); the spot sale is an
    /// order like a vault's, and with batch clearing it fills with the step's batch. Call it once per step, after the
    /// step's trades; it also collects the fills of earlier arbitrage orders.
    /// </summary>
    /// <param name="underlying">The underlying asset.</param>
    /// <param name="cancellationToken">Cancels the spot order.</param>
    /// <returns>What was bought back and sold spot now, base units (zero with the arbitrage off, or inside the band).</returns>
    public async Task<UInt128> ArbitrageAsync(string underlying, CancellationToken cancellationToken = default)
    {
        if (_options.BasisArbitrageBand is not { } band)
        {
            return UInt128.Zero;
        }

        if (Interlocked.Exchange(ref _arbitraging, 1) == 1)
        {
            throw new InvalidOperationException("The basis arbitrage is already running: it runs once per step, from one caller.");
        }

        try
        {
            return await ArbitrageOnceAsync(underlying, band, cancellationToken);
        }
        finally
        {
            Volatile.Write(ref _arbitraging, 0);
        }
    }

    private async Task<UInt128> ArbitrageOnceAsync(string underlying, double band, CancellationToken cancellationToken)
    {
        foreach (var waiting in _unfilled.ToList())
        {
            if (await _spot.SellAsync(waiting, cancellationToken) is { } fill)
            {
                Collect(fill);
                _unfilled.Remove(waiting);
            }
        }

        if (_spot.Conditions(underlying) is not { } market)
        {
            return UInt128.Zero;
        }

        var scale = 1.5 * market.ImpactCoefficient * market.DailyVolatility;
        var depth = DayDepth(market);
        UInt128 bought;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var book = Book(underlying, now);
            var flow = book.Now(now, _options.ImpactHalfLife);
            // The flow at which the book's displacement 1.5·Y·σ·√(x/V) is the band.
            var kept = scale > 0 && double.IsFinite(scale) ? depth * Math.Pow(band / scale, 2) : double.PositiveInfinity;
            var excess = flow - kept;
            // A double holds the flow to about 1e-16 of it: an excess below a billionth of the flow is rounding, not
            // basis (without this the second call of a step would buy back a few hundred thousand base units of noise).
            bought = excess >= Math.Max(1, flow * 1e-9) && double.IsFinite(excess) ? (UInt128)Math.Floor(Math.Min(excess, (double)SimulatedMarketVenue.MaxQuantity)) : UInt128.Zero;
            if (bought == UInt128.Zero)
            {
                return UInt128.Zero;
            }

            book.Pending -= (BigInteger)bought;
        }

        var order = new MarketOrder($"{ArbitrageAccount}/{underlying}/{++_arbitrageOrders}", underlying, bought, ArbitrageAccount);
        if (await _spot.SellAsync(order, cancellationToken) is { } filled)
        {
            Collect(filled);
        }
        else
        {
            _unfilled.Add(order);
        }

        return bought;
    }

    private void Collect(MarketFill fill)
    {
        lock (_gate)
        {
            _arbitraged.Add(fill);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The spot market's mid, volatility and coefficient; the day's depth is the spot one's times the multiple, and the
    /// depth available now is that less the net sell flow the book still remembers.
    /// </remarks>
    public MarketConditions? Conditions(string underlying)
    {
        if (_spot.Conditions(underlying) is not { } spot)
        {
            return null;
        }

        var day = DayDepth(spot);
        double flow;
        lock (_gate)
        {
            flow = FlowNow(underlying, _time.GetUtcNow());
        }

        return spot with { Depth = (UInt128)Math.Max(0.0, day - Math.Max(flow, 0.0)), DailyDepth = (UInt128)day };
    }

    /// <summary>
    /// How far below its mark the underlying's perp book sits now, a share of the mark: its displacement
    /// <c>1.5·Y·σ·√(x/V)</c> at the net flow x it remembers (this instant's orders included); negative when the flow is
    /// net buying, zero for a book that took nothing. Without the basis arbitrage it is the basis the venue leaves out
    /// (an arbitrageur would buy the perp and sell spot against it, carrying it into the spot price); with it
    /// (<see cref="SimulatedPerpOptions.BasisArbitrageBand"/>), what is left after the arbitrageurs' step is at most
    /// the band, and what they took off it went into spot.
    /// </summary>
    /// <param name="underlying">The underlying asset.</param>
    /// <returns>The discount, in [−0.99, 0.99]; null when the spot venue has no market for it.</returns>
    public double? Discount(string underlying)
    {
        if (_spot.Conditions(underlying) is not { } market)
        {
            return null;
        }

        var depth = DayDepth(market);
        double flow;
        lock (_gate)
        {
            flow = FlowNow(underlying, _time.GetUtcNow());
        }

        if (flow == 0.0)
        {
            return 0.0;
        }

        var below = depth <= 0 ? Math.Sign(flow) * 0.99 : Math.Sign(flow) * 1.5 * Math.Sqrt(Math.Abs(flow) / depth) * market.ImpactCoefficient * market.DailyVolatility;
        return Math.Clamp(below, -0.99, 0.99);
    }

    /// <inheritdoc />
    public Task<PerpFill> TradeAsync(PerpOrder order, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(order.OrderId))
        {
            throw MeshException.Invalid("orderId", "market.malformed_order", "A perp order needs an id.");
        }

        if (order.Quantity == UInt128.Zero)
        {
            throw MeshException.Invalid("quantity", "market.malformed_order", "A perp order's quantity must be above zero.");
        }

        var market = _spot.Conditions(order.Underlying)
            ?? throw new MeshException(MeshErrorKind.Refused, "market.unknown", $"The venue has no perp on '{order.Underlying}'.", "underlying");
        lock (_gate)
        {
            if (_fills.TryGetValue(order.OrderId, out var known))
            {
                return Task.FromResult(known == known with { Underlying = order.Underlying, Quantity = order.Quantity, Sell = order.Sell }
                    ? known
                    : throw new MeshException(MeshErrorKind.Conflict, "market.order_reused", $"Perp order {order.OrderId} was another order ({(known.Sell ? "sell" : "buy")} {known.Quantity} {known.Underlying})."));
            }

            var now = _time.GetUtcNow();
            var depth = DayDepth(market);
            var book = Book(order.Underlying, now);
            var from = book.Before(now, _options.ImpactHalfLife);
            var signed = order.Sell ? (BigInteger)order.Quantity : -(BigInteger)order.Quantity;
            var to = from + (double)signed;
            // The average of the book's displacement 1.5·Y·σ·√(x/V) (signed) over the flow the order moves it through.
            var below = depth <= 0 ? (order.Sell ? 0.99 : -0.99) : MeanShape(from, to) * market.ImpactCoefficient * market.DailyVolatility / Math.Sqrt(depth);
            below = Math.Clamp(below, -0.99, 0.99);
            var fill = new PerpFill(order.OrderId, order.Underlying, order.Quantity, order.Sell, decimal.Round(market.MidPrice * (decimal)(1 - below), 8), market.MidPrice, now);
            book.Pending += signed;
            _fills[order.OrderId] = fill;
            return Task.FromResult(fill);
        }
    }

    /// <summary>
    /// The mean of the displacement's shape 1.5·sign(x)·√|x| over [from, to] (in flow units): on one side of zero the
    /// spot book's mean of the square root's marginal cost (<see cref="SimulatedAssetMarket.MeanMarginalCost"/>, exact for
    /// an order far smaller than the flow held), signed; across zero the difference quotient of its antiderivative |x|^1.5.
    /// </summary>
    private static double MeanShape(double from, double to) =>
        from * to >= 0
            ? ((to + from) >= 0 ? 1.0 : -1.0) * SimulatedAssetMarket.MeanMarginalCost(Math.Abs(from), Math.Abs(to) - Math.Abs(from))
            : (Math.Pow(Math.Abs(to), 1.5) - Math.Pow(Math.Abs(from), 1.5)) / (to - from);

    private double DayDepth(MarketConditions spot) => Math.Min((double)(spot.DailyDepth ?? spot.Depth) * _options.DepthMultiple, (double)UInt128.MaxValue / 2);

    /// <summary>The net flow the book remembers now (under the lock).</summary>
    private double FlowNow(string underlying, DateTimeOffset now) =>
        _books.TryGetValue(underlying, out var book) ? book.Now(now, _options.ImpactHalfLife) : 0.0;

    /// <summary>The underlying's book with the flow of earlier instants folded in (under the lock).</summary>
    private PerpBook Book(string underlying, DateTimeOffset now)
    {
        if (!_books.TryGetValue(underlying, out var book))
        {
            _books[underlying] = book = new PerpBook { At = now, PendingAt = now };
        }

        book.Fold(now, _options.ImpactHalfLife);
        return book;
    }

    /// <summary>A perp book's memory: the flow settled as of <see cref="At"/>, and the exact sum of the orders of the instant <see cref="PendingAt"/>.</summary>
    private sealed class PerpBook
    {
        public double Settled { get; set; }

        public DateTimeOffset At { get; set; }

        public BigInteger Pending { get; set; }

        public DateTimeOffset PendingAt { get; set; }

        /// <summary>At a later instant, the last instant's orders join the settled flow.</summary>
        public void Fold(DateTimeOffset now, TimeSpan halfLife)
        {
            if (now <= PendingAt)
            {
                return;
            }

            Settled = Decayed(Settled, At, PendingAt, halfLife) + (double)Pending;
            (At, Pending, PendingAt) = (PendingAt, BigInteger.Zero, now);
        }

        /// <summary>The flow as it stood before the instant <paramref name="now"/> (after <see cref="Fold"/>).</summary>
        public double Before(DateTimeOffset now, TimeSpan halfLife) => Decayed(Settled, At, now, halfLife);

        /// <summary>The flow now, this instant's orders included.</summary>
        public double Now(DateTimeOffset now, TimeSpan halfLife) =>
            now <= PendingAt ? Decayed(Settled, At, now, halfLife) + (double)Pending
            : Decayed(Decayed(Settled, At, PendingAt, halfLife) + (double)Pending, PendingAt, now, halfLife);

        private static double Decayed(double flow, DateTimeOffset from, DateTimeOffset to, TimeSpan halfLife) =>
            to <= from ? flow : flow * Math.Pow(0.5, (to - from).TotalSeconds / halfLife.TotalSeconds);
    }
}

/// <summary>The simulated perp venue's settings.</summary>
public sealed class SimulatedPerpOptions
{
    /// <summary>Gets or sets the perp book's day depth as a multiple of the spot market's.</summary>
    /// <value>The default is 3: on the large crypto venues perpetual swaps trade several times the spot volume.</value>
    public double DepthMultiple { get; set; } = 3.0;

    /// <summary>Gets or sets how fast the book forgets the flow it took: the half-life of its displacement.</summary>
    /// <value>The default is 10 minutes, as the spot book's transient impact.</value>
    public TimeSpan ImpactHalfLife { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// Gets or sets the basis arbitrage's band: how far below spot (a share of it) the perp may sit before an
    /// arbitrageur buys it and sells spot against it (<see cref="SimulatedPerpVenue.ArbitrageAsync"/>), its fees and
    /// funding; null leaves the arbitrage out, so that a hedge moves no spot price.
    /// </summary>
    /// <value>The default is null.</value>
    public double? BasisArbitrageBand { get; set; }

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (BasisArbitrageBand is { } band && !(double.IsFinite(band) && band >= 0 && band < 0.5))
        {
            throw new ArgumentException($"{nameof(BasisArbitrageBand)} must be at least 0 and below 0.5, not {band}.", nameof(BasisArbitrageBand));
        }

        if (!double.IsFinite(DepthMultiple) || DepthMultiple <= 0)
        {
            throw new ArgumentException($"{nameof(DepthMultiple)} must be finite and above zero, not {DepthMultiple}.", nameof(DepthMultiple));
        }

        if (ImpactHalfLife <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{nameof(ImpactHalfLife)} must be above zero, not {ImpactHalfLife}.", nameof(ImpactHalfLife));
        }
    }
}
