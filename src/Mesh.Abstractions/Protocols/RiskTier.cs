namespace Mesh.Protocols;

/// <summary>How much risk the mesh lets a protocol take; each tier has its own limits.</summary>
[GenerateSerializer]
[Alias("mesh.protocol.tier")]
public enum RiskTier
{
    /// <summary>Lowest limits.</summary>
    Conservative = 0,

    /// <summary>Middle limits.</summary>
    Standard = 1,

    /// <summary>Highest limits.</summary>
    Aggressive = 2,
}
