namespace Mesh.Chains.Configuration;

/// <summary>
/// The validated contents of <c>chains.json</c>: the chains the mesh operates on and the bridge routes between them.
/// Produced by <see cref="ChainsConfigurationLoader"/>; every cross-reference (route to chain, route asset to token)
/// has already been checked.
/// </summary>
public sealed record ChainsConfiguration
{
    /// <summary>The schema version of the file.</summary>
    /// <value>Currently always <c>1</c>.</value>
    public required int Version { get; init; }

    /// <summary>The chains, in file order. Names and chain ids are unique.</summary>
    public required IReadOnlyList<ChainDefinition> Chains { get; init; }

    /// <summary>The bridge routes, in file order. Each (from, to, asset) triple is unique.</summary>
    public required IReadOnlyList<BridgeRoute> Routes { get; init; }

    /// <summary>Gets the assets of the mesh: every token symbol on any chain, once, in ordinal order.</summary>
    public IReadOnlyList<string> Assets => [.. Chains.SelectMany(c => c.Tokens).Select(t => t.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>Finds a chain by its name (case-sensitive).</summary>
    /// <param name="name">The chain name, e.g. <c>local-a</c>.</param>
    /// <returns>The chain, or <see langword="null"/> when no chain has that name.</returns>
    public ChainDefinition? FindChain(string name)
    {
        foreach (var chain in Chains)
        {
            if (string.Equals(chain.Name, name, StringComparison.Ordinal))
            {
                return chain;
            }
        }

        return null;
    }

    /// <summary>Finds the route that moves <paramref name="asset"/> from one chain to another.</summary>
    /// <param name="from">The source chain name.</param>
    /// <param name="to">The destination chain name.</param>
    /// <param name="asset">The token symbol.</param>
    /// <returns>The route, or <see langword="null"/> when there is none.</returns>
    public BridgeRoute? FindRoute(string from, string to, string asset)
    {
        foreach (var route in Routes)
        {
            if (string.Equals(route.From, from, StringComparison.Ordinal)
                && string.Equals(route.To, to, StringComparison.Ordinal)
                && string.Equals(route.Asset, asset, StringComparison.Ordinal))
            {
                return route;
            }
        }

        return null;
    }
}
