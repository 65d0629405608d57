using System.Text;

namespace Mesh.Simulation.Reports;

/// <summary>
/// Writes a report as CSV (RFC 4180 quoting, lines ending in <c>\n</c>, invariant numbers, exact decimals): one summary
/// file with a row per policy, one time-series file with a row per sample and one file with a row per vault.
/// </summary>
public static class CsvReport
{
    /// <summary>The summary file's header.</summary>
    public const string SummaryHeader = "policy,worst_price,fire_sale_drawdown,total_slippage_usd,vaults_liquidated,bad_debt_usd,peak_value_in_flight_usd,seconds_until_all_healthy,median_hf_before,median_hf_trough,median_hf_after,vaults_below_one_at_trough,worst_perp_discount,vault_hours_below_one";

    /// <summary>The time-series file's header.</summary>
    public const string TimeSeriesHeader = "policy,offset_seconds,market_price,exogenous_price,value_in_flight_usd,vaults_below_one,queued_requests";

    /// <summary>The per-vault file's header.</summary>
    public const string VaultsHeader = "policy,vault,protocol,chain,collateral_at_start,hf_before,hf_after,sales,liquidations,sold,proceeds_usd,debt_usd,liabilities_usd,collateral_usd,bad_debt_usd,hedge_short,hedge_impact_usd,hedge_gain_usd,topped_up";

    /// <summary>Renders the summary: one row per policy; an empty field where there is no value.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text.</returns>
    public static string RenderSummary(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(SummaryHeader).Append('\n');
        foreach (var run in report.Runs)
        {
            var s = run.Summary;
            Row(
                csv,
                run.Policy,
                ReportFormat.Raw(s.WorstPrice),
                ReportFormat.Raw(s.FireSaleDrawdown),
                ReportFormat.Raw(s.TotalSlippageUsd),
                ReportFormat.Raw(s.VaultsLiquidated),
                ReportFormat.Raw(s.BadDebtUsd),
                ReportFormat.Raw(s.PeakValueInFlightUsd),
                s.TimeUntilAllHealthy is { } t ? ReportFormat.Raw(t.TotalSeconds) : string.Empty,
                Optional(ReportFormat.Median(s.HealthFactors.Before)),
                Optional(ReportFormat.Median(s.HealthFactors.AtTrough)),
                Optional(ReportFormat.Median(s.HealthFactors.After)),
                ReportFormat.Raw(ReportFormat.BelowOne(s.HealthFactors.AtTrough)),
                s.WorstPerpDiscount is { } d ? ReportFormat.Raw(d) : string.Empty,
                ReportFormat.Raw(s.UnhealthyVaultHours));
        }

        return csv.ToString();
    }

    /// <summary>Renders the time series: one row per sample, the policies one after another.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text.</returns>
    public static string RenderTimeSeries(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(TimeSeriesHeader).Append('\n');
        foreach (var run in report.Runs)
        {
            foreach (var p in run.Samples)
            {
                Row(
                    csv,
                    run.Policy,
                    ReportFormat.Raw(p.Offset.TotalSeconds),
                    ReportFormat.Raw(p.MarketPrice),
                    ReportFormat.Raw(p.ExogenousPrice),
                    ReportFormat.Raw(p.ValueInFlightUsd),
                    ReportFormat.Raw(p.VaultsBelowOne),
                    ReportFormat.Raw(p.QueuedRequests));
            }
        }

        return csv.ToString();
    }

    /// <summary>Renders each vault's outcome: one row per vault, the policies one after another; an empty health factor for a vault that owes nothing.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The CSV text.</returns>
    public static string RenderVaults(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder(VaultsHeader).Append('\n');
        foreach (var run in report.Runs)
        {
            foreach (var v in run.Vaults)
            {
                Row(
                    csv,
                    run.Policy,
                    v.Vault,
                    v.Protocol,
                    v.Chain,
                    ReportFormat.Raw(v.CollateralAtStart),
                    Optional(v.HealthBefore),
                    Optional(v.HealthAfter),
                    ReportFormat.Raw(v.Sales),
                    ReportFormat.Raw(v.Liquidations),
                    ReportFormat.Raw(v.Sold),
                    ReportFormat.Raw(v.ProceedsUsd),
                    ReportFormat.Raw(v.DebtUsd),
                    ReportFormat.Raw(v.LiabilitiesUsd),
                    ReportFormat.Raw(v.CollateralUsd),
                    ReportFormat.Raw(v.BadDebtUsd),
                    ReportFormat.Raw(v.HedgeShort),
                    ReportFormat.Raw(v.HedgeImpactUsd),
                    ReportFormat.Raw(v.HedgeGainUsd),
                    ReportFormat.Raw(v.ToppedUp));
            }
        }

        return csv.ToString();
    }

    /// <summary>Writes the summary.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to.</param>
    public static void WriteSummary(SimulationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(RenderSummary(report));
    }

    /// <summary>Writes the time series.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to.</param>
    public static void WriteTimeSeries(SimulationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(RenderTimeSeries(report));
    }

    /// <summary>Quotes a field when it holds a comma, a quote, a line break or edge spaces, doubling its quotes.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The field as CSV.</returns>
    public static string Escape(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var quote = field.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (field.Length > 0 && (field[0] == ' ' || field[^1] == ' '));
        return quote ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }

    private static string Optional(double? value) => value is { } v ? ReportFormat.Raw(v) : string.Empty;

    private static void Row(StringBuilder csv, params string[] fields)
    {
        csv.Append(string.Join(',', fields.Select(Escape))).Append('\n');
    }
}
