namespace Mesh.Pools;

/// <summary>A vault paying back its asset's pool: interest first, then principal; more than the debt is refused.</summary>
/// <param name="OperationId">The vault's operation id: paying again with it returns the first answer and never counts twice.</param>
/// <param name="Vault">The vault's key.</param>
/// <param name="Amount">Amount in base units (&gt; 0).</param>
[GenerateSerializer]
[Alias("mesh.pool.repayment")]
public sealed record RepaymentRequest(
    [property: Id(0)] string OperationId,
    [property: Id(1)] string Vault,
    [property: Id(2)] UInt128 Amount);
