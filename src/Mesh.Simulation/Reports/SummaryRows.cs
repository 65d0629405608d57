namespace Mesh.Simulation.Reports;

/// <summary>The summary's rows as the text table and the HTML table show them: a label and a formatter per metric.</summary>
internal static class SummaryRows
{
    internal static IReadOnlyList<(string Label, Func<PolicySummary, string> Value)> All { get; } =
    [
        ("worst price", s => ReportFormat.Price(s.WorstPrice)),
        ("fire-sale drawdown", s => ReportFormat.Percent(s.FireSaleDrawdown)),
        ("total slippage (USD)", s => ReportFormat.Usd(s.TotalSlippageUsd)),
        ("vaults liquidated", s => ReportFormat.Count(s.VaultsLiquidated)),
        ("bad debt (USD)", s => ReportFormat.Usd(s.BadDebtUsd)),
        ("peak value in flight (USD)", s => ReportFormat.Usd(s.PeakValueInFlightUsd)),
        ("time until all HF > 1", s => ReportFormat.Duration(s.TimeUntilAllHealthy)),
        ("vault-hours HF < 1", s => ReportFormat.Hours(s.UnhealthyVaultHours)),
        ("median HF before", s => ReportFormat.HealthFactor(ReportFormat.Median(s.HealthFactors.Before))),
        ("median HF at trough", s => ReportFormat.HealthFactor(ReportFormat.Median(s.HealthFactors.AtTrough))),
        ("median HF after", s => ReportFormat.HealthFactor(ReportFormat.Median(s.HealthFactors.After))),
        ("vaults HF < 1 at trough", s => ReportFormat.Count(ReportFormat.BelowOne(s.HealthFactors.AtTrough))),
        ("worst perp discount", s => s.WorstPerpDiscount is { } d ? ReportFormat.Percent(d) : "no hedges"),
    ];
}
