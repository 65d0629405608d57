using Mesh.Errors;
using Mesh.Vaults;

namespace Mesh.Grains.Vaults;

/// <summary>Checks a reported book; every failure names the field (<c>exposures[3].strike</c>).</summary>
internal static class ExposureValidator
{
    internal const int MaxExposures = 500;
    private const decimal MaxSize = 1_000_000_000_000m;

    internal static void Check(IReadOnlyList<Exposure> exposures, ISet<string> knownAssets, DateTimeOffset now)
    {
        if (exposures is null)
        {
            throw MeshException.Invalid("exposures", "exposure.missing", "exposures must be a list (empty closes every position).");
        }

        if (exposures.Count > MaxExposures)
        {
            throw MeshException.Invalid("exposures", "exposure.too_many", $"exposures may hold at most {MaxExposures} positions; it holds {exposures.Count}.");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exposures.Count; i++)
        {
            var e = exposures[i] ?? throw MeshException.Invalid($"exposures[{i}]", "exposure.missing", $"exposures[{i}] is null.");
            var at = $"exposures[{i}]";
            if (string.IsNullOrWhiteSpace(e.Id) || e.Id.Length > 64 || e.Id.Any(char.IsControl))
            {
                throw MeshException.Invalid($"{at}.id", "exposure.malformed_id", $"{at}.id must be 1-64 printable characters.");
            }

            if (!ids.Add(e.Id))
            {
                throw MeshException.Invalid($"{at}.id", "exposure.duplicate_id", $"{at}.id '{e.Id}' appears twice.");
            }

            if (!Enum.IsDefined(e.Kind))
            {
                throw MeshException.Invalid($"{at}.kind", "exposure.unknown_kind", $"{at}.kind must be Option or Perp.");
            }

            if (!Enum.IsDefined(e.Side))
            {
                throw MeshException.Invalid($"{at}.side", "exposure.unknown_side", $"{at}.side must be Long or Short.");
            }

            if (e.Underlying is null || !knownAssets.Contains(e.Underlying))
            {
                throw MeshException.Invalid($"{at}.underlying", "asset.unknown", $"{at}.underlying '{e.Underlying}' is not an asset of this mesh ({string.Join(", ", knownAssets.Order(StringComparer.Ordinal))}).");
            }

            if (e.Size <= 0 || e.Size > MaxSize)
            {
                throw MeshException.Invalid($"{at}.size", "exposure.size_out_of_range", $"{at}.size must be in (0, {MaxSize}].");
            }

            if (e.Kind == ExposureKind.Option)
            {
                CheckOption(e, at, now);
            }
            else
            {
                CheckPerp(e, at);
            }
        }
    }

    private static void CheckOption(Exposure e, string at, DateTimeOffset now)
    {
        if (e.Right is not { } right || !Enum.IsDefined(right))
        {
            throw MeshException.Invalid($"{at}.right", "exposure.missing_right", $"{at}.right must be Call or Put for an option.");
        }

        if (e.Strike is not { } strike || strike <= 0 || strike > MaxSize)
        {
            throw MeshException.Invalid($"{at}.strike", "exposure.strike_out_of_range", $"{at}.strike must be a positive price for an option.");
        }

        if (e.Expiry is not { } expiry || expiry <= now)
        {
            throw MeshException.Invalid($"{at}.expiry", "exposure.expiry_not_future", $"{at}.expiry must be in the future for an option.");
        }

        if (e.ImpliedVolatility is { } iv && (iv <= 0 || iv > 10))
        {
            throw MeshException.Invalid($"{at}.impliedVolatility", "exposure.volatility_out_of_range", $"{at}.impliedVolatility must be in (0, 10].");
        }

        if (e.EntryPrice is not null)
        {
            throw MeshException.Invalid($"{at}.entryPrice", "exposure.field_not_allowed", $"{at}.entryPrice is for perps, not options.");
        }
    }

    private static void CheckPerp(Exposure e, string at)
    {
        if (e.EntryPrice is not { } entry || entry <= 0 || entry > MaxSize)
        {
            throw MeshException.Invalid($"{at}.entryPrice", "exposure.entry_price_out_of_range", $"{at}.entryPrice must be a positive price for a perp.");
        }

        var stray = e.Right is not null ? "right" : e.Strike is not null ? "strike" : e.Expiry is not null ? "expiry" : e.ImpliedVolatility is not null ? "impliedVolatility" : null;
        if (stray is not null)
        {
            throw MeshException.Invalid($"{at}.{stray}", "exposure.field_not_allowed", $"{at}.{stray} is for options, not perps.");
        }
    }
}
