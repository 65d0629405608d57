using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Checks that each route names declared chains, that its asset is a token on both of them, and that no
/// (from, to, asset) triple appears twice.
/// </summary>
internal static class RouteReferenceValidator
{
    public static void Validate(
        ErrorCollector errors,
        IReadOnlyList<(BridgeRoute Route, string Path)> routes,
        IReadOnlyDictionary<string, ParsedChain> validChains,
        IReadOnlySet<string> declaredChainNames)
    {
        var seen = new Dictionary<(string From, string To, string Asset), string>();
        foreach (var (route, path) in routes)
        {
            CheckEnd(errors, route.From, route.Asset, JsonPath.Property(path, "from"), path, validChains, declaredChainNames);
            CheckEnd(errors, route.To, route.Asset, JsonPath.Property(path, "to"), path, validChains, declaredChainNames);
            if (!seen.TryAdd((route.From, route.To, route.Asset), path))
            {
                errors.Report(path, $"duplicate route {route.From} -> {route.To} for {route.Asset} (also at {seen[(route.From, route.To, route.Asset)]})");
            }
        }
    }

    private static void CheckEnd(
        ErrorCollector errors,
        string chainName,
        string asset,
        string chainPath,
        string routePath,
        IReadOnlyDictionary<string, ParsedChain> validChains,
        IReadOnlySet<string> declaredChainNames)
    {
        if (validChains.TryGetValue(chainName, out var chain))
        {
            if (chain.Chain.FindToken(asset) is null)
            {
                errors.Report(
                    JsonPath.Property(routePath, "asset"),
                    $"token '{asset}' is not listed in {JsonPath.Property(chain.Path, "tokens")} (chain '{chainName}')");
            }
        }
        else if (!declaredChainNames.Contains(chainName))
        {
            var known = declaredChainNames.Count == 0 ? "none" : string.Join(", ", declaredChainNames.Order(StringComparer.Ordinal));
            errors.Report(chainPath, $"unknown chain '{chainName}'; declared chains: {known}");
        }

        // A chain that is declared but invalid already has its own errors; checking its tokens would only add noise.
    }
}
