using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Converts a chain's <c>priceFeeds</c>, checking what the schema cannot: each feed prices one of the chain's tokens,
/// at most one feed per asset, and a feed's address is neither a token's nor a mesh contract's nor another feed's.
/// </summary>
internal static class PriceFeedConverter
{
    /// <returns>The feeds, or <see langword="null"/> when one is invalid (the errors are reported).</returns>
    public static List<PriceFeedDefinition>? ConvertFeeds(
        ErrorCollector errors, JsonElement items, string path, IReadOnlyList<TokenDefinition>? tokens, MeshContracts contracts)
    {
        var feeds = new List<PriceFeedDefinition>();
        var assets = new Dictionary<string, string>(StringComparer.Ordinal);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [contracts.Vault] = "the vault contract",
            [contracts.Bridge] = "the bridge contract",
        };
        foreach (var token in tokens ?? [])
        {
            addresses.TryAdd(token.Address, $"token {token.Symbol}");
        }

        var valid = true;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            var feed = new PriceFeedDefinition(
                item.GetProperty("asset").GetString()!,
                TokenConverter.Address(item.GetProperty("address")),
                JsonNumbers.Int32(item.GetProperty("decimals")),
                TimeSpan.FromSeconds(JsonNumbers.Int32(item.GetProperty("heartbeatSeconds"))));
            if (tokens is not null && !tokens.Any(t => string.Equals(t.Symbol, feed.Asset, StringComparison.Ordinal)))
            {
                errors.Report(JsonPath.Property(itemPath, "asset"), $"'{feed.Asset}' is not a token of this chain (tokens: {string.Join(", ", tokens.Select(t => t.Symbol))})");
                valid = false;
            }

            if (!assets.TryAdd(feed.Asset, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "asset"), $"a second price feed for '{feed.Asset}' (also at {assets[feed.Asset]})");
                valid = false;
            }

            if (!addresses.TryAdd(feed.Address, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "address"), $"the address of {addresses[feed.Address]}");
                valid = false;
            }

            feeds.Add(feed);
        }

        return valid ? feeds : null;
    }
}
