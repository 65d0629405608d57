using System.Globalization;
using System.Text.Json;
using Mesh.Chains.Configuration.Json;

namespace Mesh.Chains.Configuration.Conversion;

/// <summary>
/// Converts one entry of <c>$.routes</c> that passed the schema into a <see cref="BridgeRoute"/>, checking what the
/// schema cannot: <c>to</c> differs from <c>from</c>, and each amount fits in <see cref="UInt128"/>. References to
/// chains and tokens are checked by <see cref="RouteReferenceValidator"/>.
/// </summary>
internal static class RouteConverter
{
    public static BridgeRoute? Convert(ErrorCollector errors, JsonElement route, string path)
    {
        var from = route.GetProperty("from").GetString()!;
        var to = route.GetProperty("to").GetString()!;
        var capacity = Amount(errors, route, "capacity", path);
        var rateLimit = route.GetProperty("rateLimit");
        var rateLimitPath = JsonPath.Property(path, "rateLimit");
        var bucket = Amount(errors, rateLimit, "capacity", rateLimitPath);
        var refill = Amount(errors, rateLimit, "refillPerSecond", rateLimitPath);
        if (string.Equals(from, to, StringComparison.Ordinal))
        {
            errors.Report(JsonPath.Property(path, "to"), $"must differ from 'from', got \"{to}\" for both");
            return null;
        }

        if (capacity is null || bucket is null || refill is null)
        {
            return null;
        }

        return new BridgeRoute
        {
            From = from,
            To = to,
            Asset = route.GetProperty("asset").GetString()!,
            FeeBps = JsonNumbers.Int32(route.GetProperty("feeBps")),
            Latency = TimeSpan.FromSeconds(JsonNumbers.Int32(route.GetProperty("latencySeconds"))),
            Capacity = capacity.Value,
            RateLimit = new RouteRateLimit(bucket.Value, refill.Value),
        };
    }

    private static UInt128? Amount(ErrorCollector errors, JsonElement parent, string name, string parentPath)
    {
        var element = parent.GetProperty(name);
        if (UInt128.TryParse(element.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return amount;
        }

        errors.Report(
            JsonPath.Property(parentPath, name),
            $"must be at most {UInt128.MaxValue} (UInt128.MaxValue), got {JsonText.Describe(element)}");
        return null;
    }
}
