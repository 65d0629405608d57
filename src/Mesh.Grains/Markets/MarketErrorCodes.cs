namespace Mesh.Grains.Markets;

/// <summary>The stable codes of the market venue's refusals and validation failures.</summary>
internal static class MarketErrorCodes
{
    /// <summary>The order has no id.</summary>
    public const string OrderIdRequired = "market.order_id_required";

    /// <summary>The order sells nothing.</summary>
    public const string QuantityZero = "market.quantity_zero";

    /// <summary>The order is larger than the venue can price exactly.</summary>
    public const string QuantityTooLarge = "market.quantity_too_large";

    /// <summary>The venue has no market for the asset.</summary>
    public const string UnknownAsset = "market.unknown_asset";

    /// <summary>An order id came back with a different order.</summary>
    public const string OrderIdReused = "market.order_id_reused";
}
