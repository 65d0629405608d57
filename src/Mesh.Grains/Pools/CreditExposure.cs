namespace Mesh.Grains.Pools;

/// <summary>The pool numbers a credit request is checked against, as they would be just before the draw.</summary>
/// <param name="FreeOnChain">The free liquidity on the request's chain.</param>
/// <param name="TotalFree">The free liquidity on every chain.</param>
/// <param name="TotalCredit">The credit outstanding to every vault, interest included.</param>
/// <param name="ProtocolAllocated">The credit outstanding to the request's protocol.</param>
/// <param name="RiskFactorAllocated">
/// Per requested risk factor, the credit outstanding to every vault exposed to it, counting the requesting vault's
/// current debt under its new risk factors.
/// </param>
internal sealed record CreditExposure(
    UInt128 FreeOnChain,
    UInt128 TotalFree,
    UInt128 TotalCredit,
    UInt128 ProtocolAllocated,
    IReadOnlyDictionary<string, UInt128> RiskFactorAllocated);
