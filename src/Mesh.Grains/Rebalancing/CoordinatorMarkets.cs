namespace Mesh.Grains.Rebalancing;

/// <summary>
/// The markets coordinators are keyed by: an asset's spot market (key: the asset, e.g. <c>WETH</c>) and its perp
/// market (key: the asset and <see cref="PerpSuffix"/>, e.g. <c>WETH-PERP</c>). A perp's book is its own, with its own
/// depth: short hedges go under the perp market's coordinator, so that they are bounded by the impact they make there
/// and take no room from the spot sales of the same underlying. Both claim the one global budget.
/// </summary>
public static class CoordinatorMarkets
{
    /// <summary>What ends the key of a perp market.</summary>
    public const string PerpSuffix = Mesh.Chains.Configuration.TokenDefinition.ReservedPerpSuffix;

    /// <summary>The key of an underlying's perp market.</summary>
    /// <param name="underlying">The underlying asset.</param>
    /// <returns>The key.</returns>
    public static string Perp(string underlying) => underlying + PerpSuffix;

    /// <summary>Whether a key names a perp market.</summary>
    /// <param name="market">The key.</param>
    /// <returns>True for a perp market.</returns>
    public static bool IsPerp(string market) => market.Length > PerpSuffix.Length && market.EndsWith(PerpSuffix, StringComparison.Ordinal);

    /// <summary>The asset a market trades: the key itself for a spot market, the perp's underlying otherwise.</summary>
    /// <param name="market">The key.</param>
    /// <returns>The asset.</returns>
    public static string Underlying(string market) => IsPerp(market) ? market[..^PerpSuffix.Length] : market;
}
