using System.Text;
using static Mesh.Simulation.Reports.ReportFormat;

namespace Mesh.Simulation.Reports;

/// <summary>An inline SVG histogram of health factors: before, at the trough and after, side by side per bin, with the HF 1 line marked.</summary>
internal static class HealthFactorHistogram
{
    /// <summary>The bins' upper edges; the last bin takes everything from 3 up, infinity included.</summary>
    internal static readonly double[] UpperEdges = [0.5, 0.8, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0, double.PositiveInfinity];

    internal static readonly string[] Labels = ["<0.5", "0.5-0.8", "0.8-0.9", "0.9-1", "1-1.1", "1.1-1.25", "1.25-1.5", "1.5-2", "2-3", "3+"];

    internal static int[] Count(IReadOnlyList<double> values)
    {
        var counts = new int[UpperEdges.Length];
        foreach (var v in values.Where(v => !double.IsNaN(v)))
        {
            counts[Array.FindIndex(UpperEdges, edge => v < edge) is var i and >= 0 ? i : UpperEdges.Length - 1]++;
        }

        return counts;
    }

    internal static string Render(string policy, HealthFactorDistributions distributions)
    {
        (string Name, string Color, int[] Counts)[] groups =
        [
            ("before", "#2ca02c", Count(distributions.Before)),
            ("at trough", "#d62728", Count(distributions.AtTrough)),
            ("after", "#1f77b4", Count(distributions.After)),
        ];
        var y = NiceScale.For(0, Math.Max(1, groups.Max(g => g.Counts.Max())), includeZero: true);
        var binWidth = SvgFrame.PlotWidth / UpperEdges.Length;
        var barWidth = (binWidth - 8) / groups.Length;

        var svg = new StringBuilder();
        SvgFrame.Open(svg, "hf-histogram", $"Health factors: {policy}", policy);
        SvgFrame.YAxis(svg, y, "vaults");
        SvgFrame.XAxis(svg, Labels.Select((label, i) => (SvgFrame.Left + ((i + 0.5) * binWidth), label)), "health factor");
        for (var bin = 0; bin < UpperEdges.Length; bin++)
        {
            for (var g = 0; g < groups.Length; g++)
            {
                var count = groups[g].Counts[bin];
                var top = SvgFrame.Y(y, count);
                svg.Append("<rect class=\"bar\" data-series=\"").Append(groups[g].Name).Append("\" data-bin=\"").Append(Markup.Escape(Labels[bin]))
                    .Append("\" x=\"").Append(Svg(SvgFrame.Left + (bin * binWidth) + 4 + (g * barWidth))).Append("\" y=\"").Append(Svg(top))
                    .Append("\" width=\"").Append(Svg(barWidth)).Append("\" height=\"").Append(Svg(SvgFrame.PlotBottom - top))
                    .Append("\" fill=\"").Append(groups[g].Color).Append("\"><title>").Append(groups[g].Name).Append(' ').Append(Markup.Escape(Labels[bin])).Append(": ")
                    .Append(ReportFormat.Count(count)).Append("</title></rect>\n");
            }
        }

        var one = Svg(SvgFrame.Left + (Array.IndexOf(UpperEdges, 1.0) + 1) * binWidth);
        svg.Append("<line class=\"threshold\" x1=\"").Append(one).Append("\" y1=\"").Append(Svg(SvgFrame.Top)).Append("\" x2=\"").Append(one).Append("\" y2=\"").Append(Svg(SvgFrame.PlotBottom)).Append("\" />\n");
        svg.Append("<text class=\"threshold-label\" x=\"").Append(one).Append("\" y=\"").Append(Svg(SvgFrame.Top - 4)).Append("\" text-anchor=\"middle\">HF 1</text>\n");
        SvgFrame.Legend(svg, groups.Select(g => (g.Name, g.Color, false)));
        SvgFrame.Close(svg);
        return svg.ToString();
    }
}
