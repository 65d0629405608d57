namespace Mesh.Grains.Pools;

/// <summary>Which limit bounds a credit decision.</summary>
internal enum CreditLimit
{
    /// <summary>No limit binds: the request is granted in full.</summary>
    None = 0,

    /// <summary>The free liquidity on the chain.</summary>
    Liquidity = 1,

    /// <summary>The pool's utilization cap.</summary>
    UtilizationCap = 2,

    /// <summary>The protocol's cap.</summary>
    ProtocolCap = 3,

    /// <summary>A risk factor's absolute cap.</summary>
    RiskFactorAbsoluteCap = 4,

    /// <summary>A risk factor's relative cap.</summary>
    RiskFactorRelativeCap = 5,
}
