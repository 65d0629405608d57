using Mesh.Errors;
using Mesh.Pools;

namespace Mesh.Grains.Pools;

/// <summary>Between the public limits (shares as decimals) and the ledger's caps (WAD), validated with the public field names.</summary>
internal static class PoolLimitsMapper
{
    private const int MaxFactorLength = 64;

    public static PoolCaps ToCaps(PoolLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.UtilizationCap <= 0m || limits.UtilizationCap > 1m)
        {
            throw Invalid("utilizationCap", $"utilizationCap must be above 0 and at most 1; it is {limits.UtilizationCap}.");
        }

        var caps = new PoolCaps
        {
            UtilizationCapWad = Wad(limits.UtilizationCap, "utilizationCap"),
            DefaultProtocolCap = limits.DefaultProtocolCap,
            DefaultRiskFactorCap = limits.DefaultRiskFactorCap is { } d ? Cap(d, "defaultRiskFactorCap") : null,
        };
        foreach (var (protocol, cap) in limits.ProtocolCaps ?? new Dictionary<string, UInt128>())
        {
            if (!Protocols.JoinRequestValidator.IsProtocolId(protocol))
            {
                throw Invalid("protocolCaps", $"protocolCaps: '{protocol}' is not a protocol id (2-32 lower-case letters, digits and inner hyphens).");
            }

            caps.ProtocolCaps[protocol] = cap;
        }

        foreach (var (factor, cap) in limits.RiskFactorCaps ?? new Dictionary<string, RiskFactorLimit>())
        {
            if (!IsFactor(factor))
            {
                throw Invalid("riskFactorCaps", $"riskFactorCaps: '{factor}' is not a risk factor (chain:NAME or underlying:ASSET).");
            }

            caps.RiskFactorCaps[factor] = Cap(cap ?? throw Invalid($"riskFactorCaps['{factor}']", $"riskFactorCaps['{factor}'] needs absolute and relative."), $"riskFactorCaps['{factor}']");
        }

        return caps;
    }

    public static PoolLimits FromCaps(PoolCaps caps) => new(
        Share(caps.UtilizationCapWad),
        caps.DefaultProtocolCap,
        new Dictionary<string, UInt128>(caps.ProtocolCaps, StringComparer.Ordinal),
        caps.DefaultRiskFactorCap is { } d ? new RiskFactorLimit(d.Absolute, Share(d.RelativeWad)) : null,
        caps.RiskFactorCaps.ToDictionary(c => c.Key, c => new RiskFactorLimit(c.Value.Absolute, Share(c.Value.RelativeWad)), StringComparer.Ordinal));

    public static decimal Share(UInt128 wad) => (decimal)wad / 1_000_000_000_000_000_000m;

    private static RiskFactorCap Cap(RiskFactorLimit limit, string field)
    {
        if (limit.Relative < 0m || limit.Relative > 1m)
        {
            throw Invalid($"{field}.relative", $"{field}.relative must be from 0 to 1; it is {limit.Relative}.");
        }

        return new RiskFactorCap { Absolute = limit.Absolute, RelativeWad = Wad(limit.Relative, $"{field}.relative") };
    }

    private static UInt128 Wad(decimal share, string field)
    {
        var scaled = share * 1_000_000_000_000_000_000m;
        return decimal.Truncate(scaled) == scaled
            ? (UInt128)scaled
            : throw Invalid(field, $"{field} may have at most 18 decimal places.");
    }

    private static bool IsFactor(string factor) =>
        factor is { Length: > 0 and <= MaxFactorLength }
        && (factor.StartsWith("chain:", StringComparison.Ordinal) || factor.StartsWith("underlying:", StringComparison.Ordinal))
        && factor[(factor.IndexOf(':') + 1)..] is { Length: > 0 } name
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static MeshException Invalid(string field, string message) => MeshException.Invalid(field, PoolErrorCodes.CapsInvalid, message);
}
