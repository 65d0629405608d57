using System.Text.Json;

namespace Mesh.Chains.Configuration.Parsing;

/// <summary>Parses one entry of <c>$.routes</c>; references to chains and tokens are checked by <see cref="RouteReferenceValidator"/>.</summary>
internal static class RouteParser
{
    private const int MaxLatencySeconds = 7 * 24 * 3600;

    private static readonly string[] Properties =
        ["from", "to", "asset", "feeBps", "latencySeconds", "capacity", "rateLimit"];

    private static readonly string[] RateLimitProperties = ["capacity", "refillPerSecond"];

    public static BridgeRoute? Parse(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, Properties);
        if (reader is null)
        {
            return null;
        }

        var from = reader.Matching("from", ConfigurationPatterns.ChainName(), ConfigurationPatterns.ChainNameRule);
        var to = reader.Matching("to", ConfigurationPatterns.ChainName(), ConfigurationPatterns.ChainNameRule);
        var asset = reader.Matching("asset", ConfigurationPatterns.Symbol(), ConfigurationPatterns.SymbolRule);
        var feeBps = reader.Int32("feeBps", 0, 10_000);
        var latencySeconds = reader.Int32("latencySeconds", 0, MaxLatencySeconds);
        var capacity = reader.Amount("capacity");
        var rateLimit = reader.Required("rateLimit") is { } limit
            ? ParseRateLimit(errors, limit, reader.PathOf("rateLimit"))
            : null;

        if (from is not null && string.Equals(from, to, StringComparison.Ordinal))
        {
            errors.Report(reader.PathOf("to"), $"must differ from 'from', got \"{to}\" for both");
            return null;
        }

        if (from is null || to is null || asset is null || feeBps is null || latencySeconds is null
            || capacity is null || rateLimit is null)
        {
            return null;
        }

        return new BridgeRoute
        {
            From = from,
            To = to,
            Asset = asset,
            FeeBps = feeBps.Value,
            Latency = TimeSpan.FromSeconds(latencySeconds.Value),
            Capacity = capacity.Value,
            RateLimit = rateLimit,
        };
    }

    private static RouteRateLimit? ParseRateLimit(ErrorCollector errors, JsonElement element, string path)
    {
        var reader = JsonObjectReader.Open(errors, element, path, RateLimitProperties);
        if (reader is null)
        {
            return null;
        }

        var capacity = reader.Amount("capacity");
        var refill = reader.Amount("refillPerSecond");
        return capacity is null || refill is null ? null : new RouteRateLimit(capacity.Value, refill.Value);
    }
}
