using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Converts a chain's <c>nativeAsset</c> and <c>tokens</c>, checking what the schema cannot: token symbols (ignoring
/// case) and addresses are unique on the chain, and no symbol ends in <see cref="TokenDefinition.ReservedPerpSuffix"/>.
/// </summary>
internal static class TokenConverter
{
    public static NativeAsset ConvertNativeAsset(JsonElement asset) =>
        new(asset.GetProperty("symbol").GetString()!, JsonNumbers.Int32(asset.GetProperty("decimals")));

    /// <summary>Reads an address the schema has checked, lower-cased (EIP-55 checksums are not verified).</summary>
    public static string Address(JsonElement address) => address.GetString()!.ToLowerInvariant();

    public static List<TokenDefinition>? ConvertTokens(ErrorCollector errors, JsonElement items, string path)
    {
        var tokens = new List<TokenDefinition>();
        var symbols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var itemPath = JsonPath.Index(path, index++);
            var token = new TokenDefinition(
                item.GetProperty("symbol").GetString()!,
                Address(item.GetProperty("address")),
                JsonNumbers.Int32(item.GetProperty("decimals")));
            if (!symbols.TryAdd(token.Symbol, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "symbol"), $"duplicate token symbol '{token.Symbol}' (also at {symbols[token.Symbol]})");
                valid = false;
            }

            if (token.Symbol.EndsWith(TokenDefinition.ReservedPerpSuffix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Report(JsonPath.Property(itemPath, "symbol"), $"token symbol '{token.Symbol}' ends in {TokenDefinition.ReservedPerpSuffix}, which the mesh keeps for its perp markets' names");
                valid = false;
            }

            if (!addresses.TryAdd(token.Address, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "address"), $"duplicate token address (also at {addresses[token.Address]})");
                valid = false;
            }

            tokens.Add(token);
        }

        return valid ? tokens : null;
    }
}
