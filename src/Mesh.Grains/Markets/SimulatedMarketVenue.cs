using Mesh.Errors;

namespace Mesh.Grains.Markets;

/// <summary>
/// A deterministic, thread-safe simulated venue: one <see cref="SimulatedAssetMarket"/> per asset behind one lock,
/// idempotent by order id, time from the injected <see cref="TimeProvider"/>. The impact model is described on
/// <see cref="SimulatedAssetMarket"/>.
/// </summary>
internal sealed class SimulatedMarketVenue : ISimulatedMarketVenue
{
    /// <summary>The largest order the venue prices exactly (10^28 base units, the reach of <see cref="decimal"/>).</summary>
    internal static readonly UInt128 MaxQuantity = UInt128.Parse("10000000000000000000000000000", System.Globalization.CultureInfo.InvariantCulture);

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Dictionary<string, SimulatedAssetMarket> _markets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (MarketOrder Order, MarketFill Fill)> _orders = new(StringComparer.Ordinal);

    internal SimulatedMarketVenue(SimulatedMarketOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _time = time;
        var now = time.GetUtcNow();
        foreach (var (asset, market) in options.Assets)
        {
            _markets.Add(asset, new SimulatedAssetMarket(asset, market, options.MaxImpact, now));
        }

        Assets = [.. _markets.Keys.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Assets { get; }

    /// <inheritdoc />
    public MarketConditions? Conditions(string asset)
    {
        lock (_gate)
        {
            return asset is not null && _markets.TryGetValue(asset, out var market) ? market.Conditions(_time.GetUtcNow()) : null;
        }
    }

    /// <inheritdoc />
    public Task<MarketFill> SellAsync(MarketOrder order, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ArgumentNullException.ThrowIfNull(order);
        if (string.IsNullOrWhiteSpace(order.OrderId))
        {
            throw MeshException.Invalid("orderId", MarketErrorCodes.OrderIdRequired, "A market order needs an id (its idempotency key).");
        }

        if (order.Quantity == UInt128.Zero)
        {
            throw MeshException.Invalid("quantity", MarketErrorCodes.QuantityZero, $"Order '{order.OrderId}' sells nothing; the quantity must be above zero.");
        }

        if (order.Quantity > MaxQuantity)
        {
            throw MeshException.Invalid("quantity", MarketErrorCodes.QuantityTooLarge, $"Order '{order.OrderId}' sells {order.Quantity} base units, above the venue's limit of {MaxQuantity}.");
        }

        lock (_gate)
        {
            if (_orders.TryGetValue(order.OrderId, out var seen))
            {
                return seen.Order == order
                    ? Task.FromResult(seen.Fill)
                    : throw new MeshException(MeshErrorKind.Conflict, MarketErrorCodes.OrderIdReused, $"Order id '{order.OrderId}' was already used for a different order.", "orderId");
            }

            var market = Require(order.Asset);
            MarketFill fill;
            try
            {
                fill = market.Sell(order, _time.GetUtcNow());
            }
            catch (OverflowException e)
            {
                throw new MeshException(MeshErrorKind.Validation, MarketErrorCodes.QuantityTooLarge, $"Order '{order.OrderId}' is too large to price exactly: {e.Message}", "quantity");
            }

            _orders.Add(order.OrderId, (order, fill));
            return Task.FromResult(fill);
        }
    }

    /// <inheritdoc />
    public void SetExogenous(string asset, decimal exogenousPrice, double? depthMultiplier = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(exogenousPrice);
        if (depthMultiplier is { } m && !(double.IsFinite(m) && m > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(depthMultiplier), m, "The depth multiplier must be finite and above zero.");
        }

        lock (_gate)
        {
            Require(asset).SetExogenous(exogenousPrice, depthMultiplier, _time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public SimulatedMarketState State(string asset)
    {
        lock (_gate)
        {
            return Require(asset).State(_time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<MarketFill> Fills(string asset)
    {
        lock (_gate)
        {
            return [.. Require(asset).Fills];
        }
    }

    private SimulatedAssetMarket Require(string asset) =>
        asset is not null && _markets.TryGetValue(asset, out var market)
            ? market
            : throw new MeshException(MeshErrorKind.NotFound, MarketErrorCodes.UnknownAsset, $"The venue has no market for '{asset}' (it has {string.Join(", ", Assets)}).", "asset");
}
