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
/// simulation repeats to the last digit (the coordinator bounds what one instant can take). What it leaves out,
/// and says so: the basis arbitrage that carries a perp's impact into the spot price (a hedge here moves no spot
/// price), funding payments and margin calls. A short hedge goes under the coordinator of the perp's own market
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

    /// <summary>Gets how many distinct orders have filled.</summary>
    public int Fills => _fills.Count;

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
    /// net buying, zero for a book that took nothing. It is the basis the venue leaves out: an arbitrageur would buy the
    /// perp and sell spot against it, carrying it into the spot price.
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

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
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
