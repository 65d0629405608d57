using System.Text.Json;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>Parses one entry of <c>$.chains</c>.</summary>
internal static class ChainParser
{
    private static readonly string[] Properties =
        ["name", "chainId", "rpcUrls", "confirmations", "blockTimeMs", "nativeAsset", "contracts", "tokens"];

    private static readonly string[] ContractProperties = ["vault", "bridge"];

    private static readonly string[] RpcSchemes = ["http", "https", "ws", "wss"];

    public static ChainDefinition? Parse(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, Properties);
        if (reader is null)
        {
            return null;
        }

        var name = reader.Matching("name", ConfigurationPatterns.ChainName(), ConfigurationPatterns.ChainNameRule);
        var chainId = reader.UInt64("chainId", 1);
        var rpcUrls = reader.Array("rpcUrls", nonEmpty: true) is { } urls
            ? ParseRpcUrls(errors, urls, reader.PathOf("rpcUrls"))
            : null;
        var confirmations = reader.Int32("confirmations", 0, 1000);
        var blockTimeMs = reader.Int32("blockTimeMs", 1, 600_000);
        var nativeAsset = reader.Required("nativeAsset") is { } native
            ? TokenParser.ParseNativeAsset(errors, native, reader.PathOf("nativeAsset"))
            : null;
        var contracts = reader.Required("contracts") is { } mesh
            ? ParseContracts(errors, mesh, reader.PathOf("contracts"))
            : null;
        var tokens = reader.Array("tokens", nonEmpty: false) is { } items
            ? TokenParser.ParseTokens(errors, items, reader.PathOf("tokens"))
            : null;

        if (name is null || chainId is null || rpcUrls is null || confirmations is null || blockTimeMs is null
            || nativeAsset is null || contracts is null || tokens is null)
        {
            return null;
        }

        return new ChainDefinition
        {
            Name = name,
            ChainId = chainId.Value,
            RpcUrls = rpcUrls,
            Confirmations = confirmations.Value,
            BlockTime = TimeSpan.FromMilliseconds(blockTimeMs.Value),
            NativeAsset = nativeAsset,
            Contracts = contracts,
            Tokens = tokens,
        };
    }

    private static List<Uri>? ParseRpcUrls(ErrorCollector errors, JsonElement[] items, string path)
    {
        var urls = new List<Uri>(items.Length);
        var seen = new Dictionary<Uri, string>();
        var valid = true;
        for (var i = 0; i < items.Length; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var text = JsonValues.String(errors, items[i], itemPath);
            if (text is null)
            {
                valid = false;
            }
            else if (!Uri.TryCreate(text, UriKind.Absolute, out var uri)
                || !RpcSchemes.Contains(uri.Scheme, StringComparer.Ordinal)
                || string.IsNullOrEmpty(uri.Host))
            {
                errors.Report(itemPath, $"must be an absolute http, https, ws or wss URL, got {JsonValues.Describe(items[i])}");
                valid = false;
            }
            else if (!seen.TryAdd(uri, itemPath))
            {
                errors.Report(itemPath, $"duplicate RPC URL (also at {seen[uri]})");
                valid = false;
            }
            else
            {
                urls.Add(uri);
            }
        }

        return valid ? urls : null;
    }

    private static MeshContracts? ParseContracts(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, ContractProperties);
        if (reader is null)
        {
            return null;
        }

        var vault = reader.Address("vault");
        var bridge = reader.Address("bridge");
        return vault is null || bridge is null ? null : new MeshContracts(vault, bridge);
    }
}
