namespace Mesh.Simulation.Reports;

/// <summary>What a policy run came to.</summary>
/// <param name="WorstPrice">The lowest market price of the run, whole quote units.</param>
/// <param name="FireSaleDrawdown">
/// The fire sale's own drawdown: the largest shortfall of the traded price below the scenario's exogenous price at the
/// same step, <c>max over steps of (exogenous − traded) ÷ exogenous</c>, a fraction (0 when the sales never pushed the
/// price below the path). The worst price also contains the scenario's own fall, which no policy changes.
/// </param>
/// <param name="TotalSlippageUsd">What all sales lost against the mid before each of them, whole USD.</param>
/// <param name="VaultsLiquidated">How many vaults were liquidated.</param>
/// <param name="BadDebtUsd">Debt left uncovered by collateral, whole USD.</param>
/// <param name="PeakValueInFlightUsd">The largest notional in flight at once, whole USD.</param>
/// <param name="TimeUntilAllHealthy">From the start until every health factor was back above 1 for good; null if that never happened.</param>
/// <param name="UnhealthyVaultHours">
/// Vault-hours below a health factor of 1 (the count of vaults below 1 at each sample, times the time to the next
/// sample, summed): how much unhealthiness the run carried, where <paramref name="TimeUntilAllHealthy"/> says only when it ended.
/// </param>
/// <param name="HealthFactors">The health-factor distributions before, at the trough and after.</param>
/// <param name="WorstPerpDiscount">
/// The largest discount of the perp book's price below spot at a step's end, a fraction; null for a policy that does
/// not hedge. Unless the run has the basis arbitrage on (which keeps it near its band), the simulated perp venue
/// carries none of this discount into the spot price, so the larger it is, the more the run flatters the hedges.
/// </param>
public sealed record PolicySummary(
    decimal WorstPrice,
    decimal FireSaleDrawdown,
    decimal TotalSlippageUsd,
    int VaultsLiquidated,
    decimal BadDebtUsd,
    decimal PeakValueInFlightUsd,
    TimeSpan? TimeUntilAllHealthy,
    decimal UnhealthyVaultHours,
    HealthFactorDistributions HealthFactors,
    decimal? WorstPerpDiscount = null);
