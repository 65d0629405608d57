namespace Mesh.Pools;

/// <summary>A vault asking its asset's pool for credit.</summary>
/// <param name="OperationId">The vault's operation id: asking again with it returns the first answer and never allocates twice.</param>
/// <param name="Vault">The vault's key (<c>protocol/chain</c>).</param>
/// <param name="ProtocolId">The vault's protocol (for the per-protocol cap).</param>
/// <param name="Amount">Amount in base units (&gt; 0).</param>
/// <param name="RiskFactors">The shared risk factors the vault's book maps to (for the caps per risk factor), for example <c>underlying:WETH</c>, <c>chain:local-a</c>.</param>
[GenerateSerializer]
[Alias("mesh.pool.credit-request")]
public sealed record CreditRequest(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string Vault,
    [property: Id(2)] string ProtocolId,
    [property: Id(3)] UInt128 Amount,
    [property: Id(4)] IReadOnlyList<string> RiskFactors);
