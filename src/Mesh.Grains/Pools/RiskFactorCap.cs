namespace Mesh.Grains.Pools;

/// <summary>
/// The caps on one shared risk factor (a collateral token, an oracle, a protocol, a chain...), as Morpho Vault V2 caps
/// an id: the credit outstanding to every vault exposed to the factor must stay within both.
/// </summary>
internal sealed class RiskFactorCap
{
    /// <summary>The most credit, in base units, that may be outstanding against the factor.</summary>
    /// <value>The default is 0 (nothing may be drawn against the factor).</value>
    public UInt128 Absolute { get; set; }

    /// <summary>The most credit as a fraction of the pool's assets, in WAD (10^18 is 100%, no relative limit).</summary>
    /// <value>The default is 10^18 (100%).</value>
    public UInt128 RelativeWad { get; set; } = 1_000_000_000_000_000_000UL;
}
