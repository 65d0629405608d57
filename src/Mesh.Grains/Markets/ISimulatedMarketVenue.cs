namespace Mesh.Grains.Markets;

/// <summary>
/// The simulated market venue and its control surface: the simulation engine moves the exogenous ("fundamental")
/// price and the liquidity of each market as a scenario unfolds, and reads what the mesh's sales did to it.
/// </summary>
public interface ISimulatedMarketVenue : IMarketVenue
{
    /// <summary>Gets the assets the venue has a market for, in ordinal order.</summary>
    IReadOnlyList<string> Assets { get; }

    /// <summary>Sets an asset's exogenous price and, optionally, its depth multiplier, as of the venue's clock now.</summary>
    /// <param name="asset">The asset.</param>
    /// <param name="exogenousPrice">The fundamental price, whole quote units per whole unit; above zero. The mid becomes this times the permanent-impact factor.</param>
    /// <param name="depthMultiplier">The liquidity multiplier (1 is normal, 0.3 is depth down 70%); finite and above zero; null keeps the current one.</param>
    /// <exception cref="Mesh.Errors.MeshException">The venue has no market for the asset.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The price or multiplier is out of range.</exception>
    void SetExogenous(string asset, decimal exogenousPrice, double? depthMultiplier = null);

    /// <summary>Reads an asset's market state as of the venue's clock now.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>The state.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The venue has no market for the asset.</exception>
    SimulatedMarketState State(string asset);

    /// <summary>Lists an asset's fills in the order they happened.</summary>
    /// <param name="asset">The asset.</param>
    /// <returns>A copy of the fills.</returns>
    /// <exception cref="Mesh.Errors.MeshException">The venue has no market for the asset.</exception>
    IReadOnlyList<MarketFill> Fills(string asset);
}
