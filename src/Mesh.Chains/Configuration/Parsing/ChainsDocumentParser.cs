using System.Text.Json;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>Parses the root of a <c>chains.json</c> document and runs the checks that span chains and routes.</summary>
internal static class ChainsDocumentParser
{
    public const int SupportedVersion = 1;

    private static readonly string[] Properties = ["version", "chains", "routes"];

    public static ChainsConfiguration? Parse(ErrorCollector errors, JsonElement root)
    {
        var reader = JsonObjectReader.Open(errors, root, JsonPath.Root, Properties);
        if (reader is null)
        {
            return null;
        }

        var version = reader.Required("version") is { } v ? ParseVersion(errors, v, reader.PathOf("version")) : null;
        var declaredNames = new HashSet<string>(StringComparer.Ordinal);
        var chains = new Dictionary<string, ParsedChain>(StringComparer.Ordinal);
        var chainsValid = reader.Array("chains", nonEmpty: true) is { } chainItems
            && ParseChains(errors, chainItems, reader.PathOf("chains"), chains, declaredNames);

        var routes = new List<(BridgeRoute Route, string Path)>();
        var routesValid = reader.Optional("routes") is not { } routeElement
            || ParseRoutes(errors, routeElement, reader.PathOf("routes"), routes);
        RouteReferenceValidator.Validate(errors, routes, chains, declaredNames);

        if (version is null || !chainsValid || !routesValid || errors.HasErrors)
        {
            return null;
        }

        return new ChainsConfiguration
        {
            Version = version.Value,
            Chains = [.. chains.Values.OrderBy(c => c.Index).Select(c => c.Chain)],
            Routes = [.. routes.Select(r => r.Route)],
        };
    }

    private static int? ParseVersion(ErrorCollector errors, JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var version) && version == SupportedVersion)
        {
            return version;
        }

        errors.Report(path, $"unsupported version; expected {SupportedVersion}, got {JsonValues.Describe(element)}");
        return null;
    }

    private static bool ParseChains(
        ErrorCollector errors,
        JsonElement[] items,
        string path,
        Dictionary<string, ParsedChain> chains,
        HashSet<string> declaredNames)
    {
        var namePaths = new Dictionary<string, string>(StringComparer.Ordinal);
        var idPaths = new Dictionary<ulong, string>();
        var valid = true;
        for (var i = 0; i < items.Length; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var chain = ChainParser.Parse(errors, items[i], itemPath);
            valid &= chain is not null;

            // Uniqueness is checked on the raw values so a duplicate is reported even when the entry has other errors.
            if (items[i].ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            if (items[i].TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
            {
                var text = name.GetString()!;
                declaredNames.Add(text);
                if (!namePaths.TryAdd(text, itemPath))
                {
                    errors.Report(JsonPath.Property(itemPath, "name"), $"duplicate chain name '{text}' (also at {namePaths[text]})");
                    valid = false;
                }
                else if (chain is not null)
                {
                    chains.Add(text, new ParsedChain(chain, itemPath, i));
                }
            }

            if (items[i].TryGetProperty("chainId", out var id) && id.ValueKind == JsonValueKind.Number
                && id.TryGetUInt64(out var chainId) && !idPaths.TryAdd(chainId, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "chainId"), $"duplicate chain id {chainId} (also at {idPaths[chainId]})");
                valid = false;
            }
        }

        return valid;
    }

    private static bool ParseRoutes(ErrorCollector errors, JsonElement element, string path, List<(BridgeRoute Route, string Path)> routes)
    {
        if (JsonValues.Array(errors, element, path, nonEmpty: false) is not { } items)
        {
            return false;
        }

        var valid = true;
        for (var i = 0; i < items.Length; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            if (RouteParser.Parse(errors, items[i], itemPath) is { } route)
            {
                routes.Add((route, itemPath));
            }
            else
            {
                valid = false;
            }
        }

        return valid;
    }
}
