namespace Mesh.Grains.Pools;

/// <summary>The credit limits of a pool, persisted with it and changed by governance.</summary>
internal sealed class PoolCaps
{
    /// <summary>The most the pool may lend as a fraction of its assets (credit / (credit + free)), in WAD.</summary>
    /// <value>The default is 0.9 × 10^18 (90%).</value>
    public UInt128 UtilizationCapWad { get; set; } = 900_000_000_000_000_000UL;

    /// <summary>The credit cap of a protocol without an entry in <see cref="ProtocolCaps"/>; null for no cap.</summary>
    /// <value>The default is null (no cap beyond the others).</value>
    public UInt128? DefaultProtocolCap { get; set; }

    /// <summary>The credit cap per protocol id, in base units, over all of the protocol's vaults.</summary>
    /// <value>The default is empty.</value>
    public Dictionary<string, UInt128> ProtocolCaps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The caps per risk-factor id.</summary>
    /// <value>The default is empty.</value>
    public Dictionary<string, RiskFactorCap> RiskFactorCaps { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The caps of a risk factor without an entry in <see cref="RiskFactorCaps"/>; null to refuse credit against an
    /// unconfigured factor (as Morpho's caps default to zero).
    /// </summary>
    /// <value>The default is null (unconfigured factors get no credit).</value>
    public RiskFactorCap? DefaultRiskFactorCap { get; set; }

    /// <summary>Checks the caps, naming the first setting out of range.</summary>
    /// <exception cref="Mesh.Errors.MeshException">A validation failure naming the setting.</exception>
    public void Validate()
    {
        if (UtilizationCapWad == UInt128.Zero || UtilizationCapWad > FixedPoint.Wad)
        {
            throw Mesh.Errors.MeshException.Invalid(
                "utilizationCapWad", PoolErrorCodes.CapsInvalid, $"UtilizationCapWad must be in (0, 10^18]; it is {UtilizationCapWad}.");
        }

        foreach (var (id, cap) in RiskFactorCaps)
        {
            if (string.IsNullOrWhiteSpace(id) || cap is null || cap.RelativeWad > FixedPoint.Wad)
            {
                throw Mesh.Errors.MeshException.Invalid(
                    $"riskFactorCaps['{id}']", PoolErrorCodes.CapsInvalid, $"Risk factor '{id}' needs caps with RelativeWad in [0, 10^18].");
            }
        }

        if (DefaultRiskFactorCap is { RelativeWad: var relative } && relative > FixedPoint.Wad)
        {
            throw Mesh.Errors.MeshException.Invalid(
                "defaultRiskFactorCap.relativeWad", PoolErrorCodes.CapsInvalid, $"DefaultRiskFactorCap.RelativeWad must be in [0, 10^18]; it is {relative}.");
        }

        foreach (var id in ProtocolCaps.Keys)
        {
            if (string.IsNullOrWhiteSpace(id))
            {
                throw Mesh.Errors.MeshException.Invalid("protocolCaps", PoolErrorCodes.CapsInvalid, "A protocol cap needs a protocol id.");
            }
        }
    }
}
