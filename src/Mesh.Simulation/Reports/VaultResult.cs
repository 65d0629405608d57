namespace Mesh.Simulation.Reports;

/// <summary>
/// One vault's outcome under one policy: what it started with, what it sold and for how much, and what it owes against
/// what it holds at the end, at market (no haircut). The rows of a policy add up to its summary: the bad debt of its
/// vaults sums to its bad debt (each rounded to the cent), and their sales to what the venue bought.
/// </summary>
/// <param name="Vault">The vault's key (<c>protocol/chain/account</c>).</param>
/// <param name="Protocol">Its protocol.</param>
/// <param name="Chain">Its chain.</param>
/// <param name="CollateralAtStart">The risky collateral it opened with, whole units.</param>
/// <param name="HealthBefore">Its health factor at the start; null when it owes nothing.</param>
/// <param name="HealthAfter">Its health factor at the end; null when it owes nothing.</param>
/// <param name="Sales">Sales executed.</param>
/// <param name="Liquidations">Sales executed below a health factor of 1.</param>
/// <param name="Sold">Risky collateral sold, whole units.</param>
/// <param name="ProceedsUsd">What the sales paid, USD.</param>
/// <param name="DebtUsd">Debt at the end, USD.</param>
/// <param name="LiabilitiesUsd">What its exposures owe at the end (short options' value, perps' losses), USD.</param>
/// <param name="CollateralUsd">Collateral at the end at market, USD.</param>
/// <param name="BadDebtUsd">Debt and liabilities beyond the collateral and the hedges' gain, USD (zero when covered).</param>
/// <param name="HedgeShort">The perp hedge held short at the end, whole units of the risky asset.</param>
/// <param name="HedgeImpactUsd">What the hedge's trades paid against the mark, USD (counted in the policy's slippage).</param>
/// <param name="HedgeGainUsd">What the hedge is worth to the vault at the end beyond what its other exposures owe, USD.</param>
/// <param name="ToppedUp">What the vault received from the protocol's other books on its chain less what it gave them, in units of its collateral (WETH): negative for a giver.</param>
public sealed record VaultResult(
    string Vault,
    string Protocol,
    string Chain,
    decimal CollateralAtStart,
    double? HealthBefore,
    double? HealthAfter,
    int Sales,
    int Liquidations,
    decimal Sold,
    decimal ProceedsUsd,
    decimal DebtUsd,
    decimal LiabilitiesUsd,
    decimal CollateralUsd,
    decimal BadDebtUsd,
    decimal HedgeShort = 0m,
    decimal HedgeImpactUsd = 0m,
    decimal HedgeGainUsd = 0m,
    decimal ToppedUp = 0m);
