using System.Text.Json;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>Parses a chain's <c>nativeAsset</c> and <c>tokens</c>.</summary>
internal static class TokenParser
{
    private const int MaxDecimals = 36;

    private static readonly string[] NativeAssetProperties = ["symbol", "decimals"];

    private static readonly string[] TokenProperties = ["symbol", "address", "decimals"];

    public static NativeAsset? ParseNativeAsset(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, NativeAssetProperties);
        if (reader is null)
        {
            return null;
        }

        var symbol = reader.Matching("symbol", ConfigurationPatterns.Symbol(), ConfigurationPatterns.SymbolRule);
        var decimals = reader.Int32("decimals", 0, MaxDecimals);
        return symbol is null || decimals is null ? null : new NativeAsset(symbol, decimals.Value);
    }

    public static List<TokenDefinition>? ParseTokens(ErrorCollector errors, JsonElement[] items, string path)
    {
        var tokens = new List<TokenDefinition>(items.Length);
        var symbols = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var addresses = new Dictionary<string, string>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < items.Length; i++)
        {
            var itemPath = JsonPath.Index(path, i);
            var token = ParseToken(errors, items[i], itemPath);
            if (token is null)
            {
                valid = false;
                continue;
            }

            if (!symbols.TryAdd(token.Symbol, itemPath))
            {
                errors.Report(JsonPath.Property(itemPath, "symbol"), $"duplicate token symbol '{token.Symbol}' (also at {symbols[token.Symbol]})");
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

    private static TokenDefinition? ParseToken(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, TokenProperties);
        if (reader is null)
        {
            return null;
        }

        var symbol = reader.Matching("symbol", ConfigurationPatterns.Symbol(), ConfigurationPatterns.SymbolRule);
        var address = reader.Address("address");
        var decimals = reader.Int32("decimals", 0, MaxDecimals);
        return symbol is null || address is null || decimals is null
            ? null
            : new TokenDefinition(symbol, address, decimals.Value);
    }
}
