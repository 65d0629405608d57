namespace Mesh.Silo.Simulation;

/// <summary>What one policy's world did over the scenario.</summary>
/// <param name="Policy">The policy.</param>
/// <param name="Samples">The steps.</param>
/// <param name="WorstPrice">The lowest traded price.</param>
/// <param name="FireSaleDrawdown">The largest shortfall of the traded price below the scenario's price at the same step, a fraction: how far the sales themselves pushed the market below the path.</param>
/// <param name="SlippageUsd">What every sale lost against the mid before it, USD.</param>
/// <param name="VaultsLiquidated">Vaults that sold below a health factor of 1.</param>
/// <param name="BadDebtUsd">Debt and exposure liabilities that collateral at market no longer covers at the end, USD.</param>
/// <param name="PeakInFlightUsd">The largest value in flight in one step, USD.</param>
/// <param name="WorstPerpDiscount">The largest discount of the perp book below spot at a step's end, a fraction rounded to 6 places; null when the policy does not hedge.</param>
/// <param name="TimeUnhealthy">From the first health factor below 1 until every one is back above 1 for good; null if some never are; zero if none fell below.</param>
/// <param name="UnhealthyVaultHours">Vault-hours below a health factor of 1: how many vaults were below 1 at each sample, times the time to the next sample, summed over the run.</param>
/// <param name="Before">Health factors at the start.</param>
/// <param name="Trough">Health factors at the sample with the lowest price.</param>
/// <param name="After">Health factors at the end.</param>
/// <param name="Sales">Sales executed.</param>
/// <param name="Vaults">Each vault's outcome, in vault order.</param>
/// <param name="WallTime">How long the world took to run (setup excluded).</param>
/// <param name="ArbitrageSoldWeth">What the basis arbitrageurs sold spot against the perps they bought, WETH; zero without the arbitrage.</param>
/// <param name="ToppedUpWeth">The WETH the vaults gave each other in top-ups (zero without them).</param>
internal sealed record WorldOutcome(
    SimulationPolicy Policy,
    IReadOnlyList<WorldSample> Samples,
    decimal WorstPrice,
    decimal FireSaleDrawdown,
    decimal SlippageUsd,
    int VaultsLiquidated,
    decimal BadDebtUsd,
    decimal PeakInFlightUsd,
    decimal? WorstPerpDiscount,
    TimeSpan? TimeUnhealthy,
    decimal UnhealthyVaultHours,
    IReadOnlyList<double> Before,
    IReadOnlyList<double> Trough,
    IReadOnlyList<double> After,
    int Sales,
    IReadOnlyList<Mesh.Simulation.Reports.VaultResult> Vaults,
    TimeSpan WallTime,
    decimal ArbitrageSoldWeth = 0,
    decimal ToppedUpWeth = 0);
