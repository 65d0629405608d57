using System.Collections.Concurrent;
using Mesh.Errors;

namespace Mesh.Grains.Markets;

/// <summary>
/// A simulated perp venue over the spot venue: a perp's mark is the spot mid (funding keeps a perp at its index), and
/// an order pays the square-root law's impact on the perp's own book, whose day depth is the spot market's times
/// <see cref="SimulatedPerpOptions.DepthMultiple"/>: I = Y·σ·√(Q/V), with the spot market's Y and σ. What it leaves
/// out, and says so: the basis arbitrage that carries a perp's permanent impact into the spot price (a hedge here
/// moves no spot price), funding payments and margin calls. The coordinators count a short hedge against the same
/// sale budget as a spot sale, so that hedging does not get round the mesh's bound on sell pressure.
/// </summary>
public sealed class SimulatedPerpVenue : IPerpVenue
{
    private readonly IMarketVenue _spot;
    private readonly SimulatedPerpOptions _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, PerpFill> _fills = new(StringComparer.Ordinal);

    /// <summary>Creates the venue.</summary>
    /// <param name="spot">The spot venue whose mid, depth and volatility the perps follow.</param>
    /// <param name="options">The depth multiple.</param>
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

        if (_fills.TryGetValue(order.OrderId, out var known))
        {
            return Task.FromResult(known == known with { Underlying = order.Underlying, Quantity = order.Quantity, Sell = order.Sell }
                ? known
                : throw new MeshException(MeshErrorKind.Conflict, "market.order_reused", $"Perp order {order.OrderId} was another order ({(known.Sell ? "sell" : "buy")} {known.Quantity} {known.Underlying})."));
        }

        var market = _spot.Conditions(order.Underlying)
            ?? throw new MeshException(MeshErrorKind.Refused, "market.unknown", $"The venue has no perp on '{order.Underlying}'.", "underlying");
        var depth = (double)(market.DailyDepth ?? market.Depth) * _options.DepthMultiple;
        var impact = depth <= 0 ? 1.0 : market.ImpactCoefficient * market.DailyVolatility * Math.Sqrt((double)order.Quantity / depth);
        impact = Math.Min(impact, 0.99);
        var price = market.MidPrice * (decimal)(order.Sell ? 1 - impact : 1 + impact);
        var fill = new PerpFill(order.OrderId, order.Underlying, order.Quantity, order.Sell, decimal.Round(price, 8), market.MidPrice, _time.GetUtcNow());
        return Task.FromResult(_fills.GetOrAdd(order.OrderId, fill));
    }
}

/// <summary>The simulated perp venue's settings.</summary>
public sealed class SimulatedPerpOptions
{
    /// <summary>Gets or sets the perp book's day depth as a multiple of the spot market's.</summary>
    /// <value>The default is 3: on the large crypto venues perpetual swaps trade several times the spot volume.</value>
    public double DepthMultiple { get; set; } = 3.0;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(DepthMultiple) || DepthMultiple <= 0)
        {
            throw new ArgumentException($"{nameof(DepthMultiple)} must be finite and above zero, not {DepthMultiple}.", nameof(DepthMultiple));
        }
    }
}
