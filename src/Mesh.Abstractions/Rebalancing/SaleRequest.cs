namespace Mesh.Rebalancing;

/// <summary>A vault's request to sell collateral in one asset market.</summary>
/// <param name="RequestId">The caller's id for the request (idempotency key), 1–128 printable characters.</param>
/// <param name="Vault">The vault's grain key.</param>
/// <param name="ProtocolId">The vault's protocol: the unit of the fair share.</param>
/// <param name="Quantity">What the vault wants to sell, in base units of the market's asset; above zero.</param>
/// <param name="HealthFactor">The vault's health factor when it asked: the lower, the more urgent (finite, ≥ 0).</param>
/// <param name="Liquidation">True when the sale is a liquidation (health factor below 1), false for a deleveraging within policy.</param>
/// <param name="Haircut">The haircut the vault's health factor takes on the asset, a fraction in [0, 1): what selling a unit to repay debt frees of its margin. Null when the seller does not say; the adaptive policy's spillover gate weighs only the requests that do.</param>
/// <param name="ProceedsHaircut">When the proceeds stay in the vault as collateral (a shift into the stable asset), the haircut the vault will take on them, a fraction in [0, 1): a unit sold then frees only <c>Haircut − ProceedsHaircut</c> of its margin, less the execution cost on what it keeps. Null when the proceeds repay debt. Given only with <paramref name="Haircut"/>.</param>
[GenerateSerializer]
[Alias("mesh.rebalance.sale-request")]
public sealed record SaleRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string Vault,
    [property: Id(2)] string ProtocolId,
    [property: Id(3)] UInt128 Quantity,
    [property: Id(4)] double HealthFactor,
    [property: Id(5)] bool Liquidation,
    [property: Id(6)] double? Haircut = null,
    [property: Id(7)] double? ProceedsHaircut = null);
