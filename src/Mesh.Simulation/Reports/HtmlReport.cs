using System.Text;

namespace Mesh.Simulation.Reports;

/// <summary>
/// Writes a report as one self-contained HTML page: inline CSS, inline SVG charts drawn here (the price path and the
/// value in flight per policy, the vaults below HF 1, and a health-factor histogram per policy), no scripts, no
/// external references. The markup is also well-formed XML, so tools can read it as XHTML.
/// </summary>
public static class HtmlReport
{
    /// <summary>The colours of the policies' lines, in run order (repeating after six).</summary>
    private static readonly string[] Palette = ["#d62728", "#ff7f0e", "#1f77b4", "#2ca02c", "#9467bd", "#8c564b"];

    private const string ExogenousColor = "#7f7f7f";

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; color: #222; max-width: 900px; margin: 2em auto; padding: 0 1em; }
        h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 2em; }
        table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
        th, td { padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; }
        td.num, th.policy { text-align: right; }
        figure { margin: 1em 0; }
        svg.chart { max-width: 100%; height: auto; font-size: 11px; }
        svg .chart-title { font-size: 13px; font-weight: 600; }
        svg .axis { stroke: #333; } svg .grid { stroke: #e5e5e5; }
        svg .axis-label { font-size: 12px; } svg .tick { fill: #444; }
        svg .threshold { stroke: #d62728; stroke-dasharray: 4 3; } svg .threshold-label { fill: #d62728; }
        .notes { color: #555; }
        """;

    /// <summary>Renders the page.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The HTML, lines ending in <c>\n</c>.</returns>
    public static string Render(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n<title>").Append(Markup.Escape(report.Title)).Append("</title>\n");
        html.Append("<style>\n").Append(Style).Append("\n</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Markup.Escape(report.Title)).Append("</h1>\n");
        html.Append("<p>Scenario: ").Append(Markup.Escape(report.Scenario)).Append("</p>\n");
        if (report.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in report.Notes)
            {
                html.Append("<li>").Append(Markup.Escape(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        Summary(html, report);
        var (unit, perUnit) = TimeUnit(report);
        Figure(html, "Price path", LineChart.Render("price", "Market price per policy and the exogenous price", $"time ({unit})", "price", PriceSeries(report, perUnit), includeZero: false));
        Figure(html, "Value in flight", LineChart.Render("in-flight", "Notional of sales in flight", $"time ({unit})", "USD", Series(report, perUnit, s => (double)s.ValueInFlightUsd), includeZero: true));
        Figure(html, "Vaults below HF 1", LineChart.Render("vaults-below-one", "Vaults with a health factor below 1", $"time ({unit})", "vaults", Series(report, perUnit, s => s.VaultsBelowOne), includeZero: true));
        html.Append("<h2>Health factors before, at the trough and after</h2>\n");
        foreach (var run in report.Runs)
        {
            html.Append("<figure>\n").Append(HealthFactorHistogram.Render(run.Policy, run.Summary.HealthFactors)).Append("</figure>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>Writes the page.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to.</param>
    public static void Write(SimulationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report));
    }

    private static void Summary(StringBuilder html, SimulationReport report)
    {
        html.Append("<h2>Summary</h2>\n<table>\n<thead>\n<tr><th>metric</th>");
        foreach (var run in report.Runs)
        {
            html.Append("<th class=\"policy\">").Append(Markup.Escape(run.Policy)).Append("</th>");
        }

        html.Append("</tr>\n</thead>\n<tbody>\n");
        foreach (var (label, value) in SummaryRows.All)
        {
            html.Append("<tr><td>").Append(Markup.Escape(label)).Append("</td>");
            foreach (var run in report.Runs)
            {
                html.Append("<td class=\"num\">").Append(Markup.Escape(value(run.Summary))).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody>\n</table>\n");
    }

    private static void Figure(StringBuilder html, string heading, string svg) =>
        html.Append("<h2>").Append(Markup.Escape(heading)).Append("</h2>\n<figure>\n").Append(svg).Append("</figure>\n");

    private static (string Unit, double Seconds) TimeUnit(SimulationReport report)
    {
        var longest = report.Runs.SelectMany(r => r.Samples).Select(s => s.Offset).DefaultIfEmpty(TimeSpan.Zero).Max();
        return longest > TimeSpan.FromHours(3) ? ("hours", 3_600) : ("minutes", 60);
    }

    private static List<ChartSeries> PriceSeries(SimulationReport report, double perUnit)
    {
        var series = Series(report, perUnit, s => (double)s.MarketPrice);
        var reference = report.Runs.FirstOrDefault(r => r.Samples.Count > 0);
        if (reference is not null)
        {
            series.Add(new ChartSeries("exogenous", ExogenousColor, reference.Samples.Select(s => (s.Offset.TotalSeconds / perUnit, (double)s.ExogenousPrice)).ToList(), Dashed: true));
        }

        return series;
    }

    private static List<ChartSeries> Series(SimulationReport report, double perUnit, Func<PolicySample, double> value) =>
        report.Runs.Select((run, i) => new ChartSeries(
            run.Policy,
            Palette[i % Palette.Length],
            run.Samples.Select(s => (s.Offset.TotalSeconds / perUnit, value(s))).ToList())).ToList();
}
