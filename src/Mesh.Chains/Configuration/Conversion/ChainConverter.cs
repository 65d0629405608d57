using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Converts one entry of <c>$.chains</c> that passed the schema into a <see cref="ChainDefinition"/>, checking what
/// the schema cannot: each RPC URL is an absolute URL with a host and appears once, and the price feeds price the chain's own tokens.
/// </summary>
internal static class ChainConverter
{
    private static readonly string[] RpcSchemes = ["http", "https", "ws", "wss"];

    public static ChainDefinition? Convert(ErrorCollector errors, JsonElement chain, string path)
    {
        var rpcUrls = ConvertRpcUrls(errors, chain.GetProperty("rpcUrls"), JsonPath.Property(path, "rpcUrls"));
        var tokens = TokenConverter.ConvertTokens(errors, chain.GetProperty("tokens"), JsonPath.Property(path, "tokens"));
        var contracts = chain.GetProperty("contracts");
        var meshContracts = new MeshContracts(
            TokenConverter.Address(contracts.GetProperty("vault")),
            TokenConverter.Address(contracts.GetProperty("bridge")));
        var feeds = chain.TryGetProperty("priceFeeds", out var feedItems)
            ? PriceFeedConverter.ConvertFeeds(errors, feedItems, JsonPath.Property(path, "priceFeeds"), tokens, meshContracts)
            : [];
        if (rpcUrls is null || tokens is null || feeds is null)
        {
            return null;
        }

        return new ChainDefinition
        {
            Name = chain.GetProperty("name").GetString()!,
            ChainId = JsonNumbers.UInt64(chain.GetProperty("chainId")),
            RpcUrls = rpcUrls,
            Confirmations = JsonNumbers.Int32(chain.GetProperty("confirmations")),
            BlockTime = TimeSpan.FromMilliseconds(JsonNumbers.Int32(chain.GetProperty("blockTimeMs"))),
            NativeAsset = TokenConverter.ConvertNativeAsset(chain.GetProperty("nativeAsset")),
            Contracts = meshContracts,
            Tokens = tokens,
            PriceFeeds = feeds,
        };
    }

    private static List<Uri>? ConvertRpcUrls(ErrorCollector errors, JsonElement items, string path)
    {
        var urls = new List<Uri>();
        var seen = new Dictionary<Uri, string>();
        var valid = true;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            if (!Uri.TryCreate(item.GetString(), UriKind.Absolute, out var uri)
                || !RpcSchemes.Contains(uri.Scheme, StringComparer.Ordinal)
                || string.IsNullOrEmpty(uri.Host))
            {
                // The schema's pattern is an approximation for editors; System.Uri has the last word.
                errors.Report(itemPath, $"must be an absolute http, https, ws or wss URL, got {JsonText.Describe(item)}");
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
}
