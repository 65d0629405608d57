using System.Text;
using static Mesh.Simulation.Reports.ReportFormat;

namespace Mesh.Simulation.Reports;

/// <summary>An inline SVG line chart: lines over a shared x axis, with axes, ticks, labels and a legend.</summary>
internal static class LineChart
{
    internal static string Render(string chart, string title, string xLabel, string yLabel, IReadOnlyList<ChartSeries> series, bool includeZero)
    {
        var points = series.SelectMany(s => s.Points).ToList();
        var x = NiceScale.For(points.Count > 0 ? points.Min(p => p.X) : 0, points.Count > 0 ? points.Max(p => p.X) : 1, includeZero: true);
        var y = NiceScale.For(points.Count > 0 ? points.Min(p => p.Y) : 0, points.Count > 0 ? points.Max(p => p.Y) : 1, includeZero);

        var svg = new StringBuilder();
        SvgFrame.Open(svg, chart, title);
        SvgFrame.YAxis(svg, y, yLabel);
        SvgFrame.XAxis(svg, x.Ticks().Select(t => (X(x, t), x.Label(t))), xLabel);
        foreach (var line in series.Where(s => s.Points.Count > 0))
        {
            svg.Append("<polyline class=\"series\" fill=\"none\" stroke=\"").Append(Markup.Escape(line.Color)).Append("\" stroke-width=\"2\"")
                .Append(line.Dashed ? " stroke-dasharray=\"5 3\"" : string.Empty)
                .Append(" data-series=\"").Append(Markup.Escape(line.Name)).Append("\" points=\"")
                .AppendJoin(' ', line.Points.Select(p => Svg(X(x, p.X)) + "," + Svg(SvgFrame.Y(y, p.Y))))
                .Append("\" />\n");
        }

        if (points.Count == 0)
        {
            svg.Append("<text class=\"empty\" x=\"").Append(Svg(SvgFrame.Left + (SvgFrame.PlotWidth / 2))).Append("\" y=\"").Append(Svg(SvgFrame.Top + (SvgFrame.PlotHeight / 2))).Append("\" text-anchor=\"middle\">no data</text>\n");
        }

        SvgFrame.Legend(svg, series.Select(s => (s.Name, s.Color, s.Dashed)));
        SvgFrame.Close(svg);
        return svg.ToString();
    }

    private static double X(NiceScale scale, double value) => SvgFrame.Left + ((value - scale.Min) / (scale.Max - scale.Min) * SvgFrame.PlotWidth);
}
