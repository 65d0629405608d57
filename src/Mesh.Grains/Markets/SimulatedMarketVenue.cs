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
    private readonly Dictionary<string, MarketOrder> _waiting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (DateTimeOffset At, List<MarketOrder> Orders)> _batches = new(StringComparer.Ordinal);
    private readonly bool _batchClearing;

    internal SimulatedMarketVenue(SimulatedMarketOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _time = time;
        _batchClearing = options.BatchClearing;
        var now = time.GetUtcNow();
        foreach (var (asset, market) in options.Assets)
        {
            _markets.Add(asset, new SimulatedAssetMarket(asset, market, options.MaxImpact, now, options.LiquidationBonus));
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
            if (asset is null || !_markets.TryGetValue(asset, out var market))
            {
                return null;
            }

            ClearDue(asset);
            return market.Conditions(_time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public Task<MarketFill?> SellAsync(MarketOrder order, CancellationToken cancellationToken = default)
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
            var market = Require(order.Asset);
            ClearDue(order.Asset);
            var known = _orders.TryGetValue(order.OrderId, out var seen) ? seen.Order : _waiting.GetValueOrDefault(order.OrderId);
            if (known is not null)
            {
                return known == order
                    ? Task.FromResult<MarketFill?>(seen.Fill)
                    : throw new MeshException(MeshErrorKind.Conflict, MarketErrorCodes.OrderIdReused, $"Order id '{order.OrderId}' was already used for a different order.", "orderId");
            }

            var now = _time.GetUtcNow();
            if (_batchClearing)
            {
                if (!_batches.TryGetValue(order.Asset, out var batch))
                {
                    _batches[order.Asset] = batch = (now, []);
                }

                batch.Orders.Add(order);
                _waiting.Add(order.OrderId, order);
                return Task.FromResult<MarketFill?>(null);
            }

            var fill = Priced(order.OrderId, () => market.Sell(order, now));
            _orders.Add(order.OrderId, (order, fill));
            return Task.FromResult<MarketFill?>(fill);
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
            var market = Require(asset);
            ClearDue(asset);
            market.SetExogenous(exogenousPrice, depthMultiplier, _time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public SimulatedMarketState State(string asset)
    {
        lock (_gate)
        {
            var market = Require(asset);
            ClearDue(asset);
            return market.State(_time.GetUtcNow());
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<MarketFill> Fills(string asset)
    {
        lock (_gate)
        {
            var market = Require(asset);
            ClearDue(asset);
            return [.. market.Fills];
        }
    }

    /// <summary>Under the gate: clears the asset's waiting batch once the clock has left its instant, in order-id order.</summary>
    private void ClearDue(string asset)
    {
        if (!_batches.TryGetValue(asset, out var batch) || _time.GetUtcNow() <= batch.At)
        {
            return;
        }

        _batches.Remove(asset);
        var orders = batch.Orders.OrderBy(o => o.OrderId, StringComparer.Ordinal).ToList();
        var fills = Priced(orders[0].OrderId, () => _markets[asset].SellBatch(orders, batch.At));
        for (var i = 0; i < orders.Count; i++)
        {
            _waiting.Remove(orders[i].OrderId);
            _orders.Add(orders[i].OrderId, (orders[i], fills[i]));
        }
    }

    private static T Priced<T>(string orderId, Func<T> price)
    {
        try
        {
            return price();
        }
        catch (OverflowException e)
        {
            throw new MeshException(MeshErrorKind.Validation, MarketErrorCodes.QuantityTooLarge, $"Order '{orderId}' is too large to price exactly: {e.Message}", "quantity");
        }
    }

    private SimulatedAssetMarket Require(string asset) =>
        asset is not null && _markets.TryGetValue(asset, out var market)
            ? market
            : throw new MeshException(MeshErrorKind.NotFound, MarketErrorCodes.UnknownAsset, $"The venue has no market for '{asset}' (it has {string.Join(", ", Assets)}).", "asset");
}
