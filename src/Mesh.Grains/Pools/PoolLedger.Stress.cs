namespace Mesh.Grains.Pools;

/// <summary>Caps that shrink while a risk factor's market is under stress.</summary>
internal sealed partial class PoolLedger
{
    /// <summary>Sets the share of a factor's caps that applies; 10^18 (all) removes the stress.</summary>
    /// <param name="factor">The risk factor.</param>
    /// <param name="shareWad">The share, in (0, 10^18].</param>
    /// <returns>Whether anything changed.</returns>
    public bool SetStress(string factor, UInt128 shareWad)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(factor);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(shareWad, FixedPoint.Wad);
        ArgumentOutOfRangeException.ThrowIfEqual(shareWad, UInt128.Zero);
        var current = State.StressWad.TryGetValue(factor, out var known) ? known : FixedPoint.Wad;
        if (current == shareWad)
        {
            return false;
        }

        if (shareWad == FixedPoint.Wad)
        {
            State.StressWad.Remove(factor);
        }
        else
        {
            State.StressWad[factor] = shareWad;
        }

        return true;
    }

    /// <summary>The caps that apply now: the configured ones, with each stressed factor's caps scaled down (rounded down).</summary>
    /// <returns>The caps; the configured object itself when nothing is stressed.</returns>
    public PoolCaps EffectiveCaps()
    {
        var caps = State.Caps;
        if (State.StressWad.Count == 0)
        {
            return caps;
        }

        var effective = new PoolCaps
        {
            UtilizationCapWad = caps.UtilizationCapWad,
            DefaultProtocolCap = caps.DefaultProtocolCap,
            ProtocolCaps = caps.ProtocolCaps,
            DefaultRiskFactorCap = caps.DefaultRiskFactorCap,
            RiskFactorCaps = new Dictionary<string, RiskFactorCap>(caps.RiskFactorCaps, StringComparer.Ordinal),
        };
        foreach (var (factor, share) in State.StressWad)
        {
            var configured = caps.RiskFactorCaps.TryGetValue(factor, out var c) ? c : caps.DefaultRiskFactorCap;
            if (configured is null)
            {
                continue; // no credit against the factor at all: nothing to shrink
            }

            effective.RiskFactorCaps[factor] = new RiskFactorCap
            {
                Absolute = FixedPoint.MulDiv(configured.Absolute, share, FixedPoint.Wad, Rounding.Floor),
                RelativeWad = FixedPoint.MulDiv(configured.RelativeWad, share, FixedPoint.Wad, Rounding.Floor),
            };
        }

        return effective;
    }
}
