using System.Text;
using static Mesh.Simulation.Reports.ReportFormat;

namespace Mesh.Simulation.Reports;

/// <summary>The parts every chart shares: the frame, the axes with ticks and labels, and the legend below.</summary>
internal static class SvgFrame
{
    internal const double Width = 760;
    internal const double Height = 370;
    internal const double Left = 84;
    internal const double Right = 20;
    internal const double Top = 36;
    internal const double PlotBottom = Height - 90;

    internal static double PlotWidth => Width - Left - Right;

    internal static double PlotHeight => PlotBottom - Top;

    internal static void Open(StringBuilder svg, string chart, string title, string? policy = null)
    {
        svg.Append("<svg class=\"chart\" data-chart=\"").Append(Markup.Escape(chart)).Append('"');
        if (policy is not null)
        {
            svg.Append(" data-policy=\"").Append(Markup.Escape(policy)).Append('"');
        }

        svg.Append(" width=\"").Append(Svg(Width)).Append("\" height=\"").Append(Svg(Height))
            .Append("\" viewBox=\"0 0 ").Append(Svg(Width)).Append(' ').Append(Svg(Height))
            .Append("\" role=\"img\" aria-label=\"").Append(Markup.Escape(title)).Append("\">\n");
        svg.Append("<title>").Append(Markup.Escape(title)).Append("</title>\n");
        svg.Append("<text class=\"chart-title\" x=\"").Append(Svg(Left)).Append("\" y=\"20\">").Append(Markup.Escape(title)).Append("</text>\n");
    }

    internal static void YAxis(StringBuilder svg, NiceScale scale, string label)
    {
        foreach (var tick in scale.Ticks())
        {
            var y = Svg(Y(scale, tick));
            svg.Append("<line class=\"grid\" x1=\"").Append(Svg(Left)).Append("\" y1=\"").Append(y).Append("\" x2=\"").Append(Svg(Width - Right)).Append("\" y2=\"").Append(y).Append("\" />\n");
            svg.Append("<text class=\"tick\" x=\"").Append(Svg(Left - 6)).Append("\" y=\"").Append(y).Append("\" text-anchor=\"end\" dominant-baseline=\"middle\">").Append(scale.Label(tick)).Append("</text>\n");
        }

        svg.Append("<line class=\"axis\" x1=\"").Append(Svg(Left)).Append("\" y1=\"").Append(Svg(Top)).Append("\" x2=\"").Append(Svg(Left)).Append("\" y2=\"").Append(Svg(PlotBottom)).Append("\" />\n");
        var middle = Svg(Top + (PlotHeight / 2));
        svg.Append("<text class=\"axis-label\" x=\"16\" y=\"").Append(middle).Append("\" text-anchor=\"middle\" transform=\"rotate(-90 16 ").Append(middle).Append(")\">").Append(Markup.Escape(label)).Append("</text>\n");
    }

    internal static void XAxis(StringBuilder svg, IEnumerable<(double X, string Label)> ticks, string label)
    {
        svg.Append("<line class=\"axis\" x1=\"").Append(Svg(Left)).Append("\" y1=\"").Append(Svg(PlotBottom)).Append("\" x2=\"").Append(Svg(Width - Right)).Append("\" y2=\"").Append(Svg(PlotBottom)).Append("\" />\n");
        foreach (var (x, text) in ticks)
        {
            svg.Append("<text class=\"tick\" x=\"").Append(Svg(x)).Append("\" y=\"").Append(Svg(PlotBottom + 16)).Append("\" text-anchor=\"middle\">").Append(Markup.Escape(text)).Append("</text>\n");
        }

        svg.Append("<text class=\"axis-label\" x=\"").Append(Svg(Left + (PlotWidth / 2))).Append("\" y=\"").Append(Svg(PlotBottom + 36)).Append("\" text-anchor=\"middle\">").Append(Markup.Escape(label)).Append("</text>\n");
    }

    internal static void Legend(StringBuilder svg, IEnumerable<(string Name, string Color, bool Dashed)> entries)
    {
        svg.Append("<g class=\"legend\">\n");
        var x = Left;
        var y = PlotBottom + 62;
        foreach (var (name, color, dashed) in entries)
        {
            svg.Append("<line x1=\"").Append(Svg(x)).Append("\" y1=\"").Append(Svg(y)).Append("\" x2=\"").Append(Svg(x + 18)).Append("\" y2=\"").Append(Svg(y))
                .Append("\" stroke=\"").Append(Markup.Escape(color)).Append("\" stroke-width=\"4\"").Append(dashed ? " stroke-dasharray=\"5 3\"" : string.Empty).Append(" />\n");
            svg.Append("<text x=\"").Append(Svg(x + 24)).Append("\" y=\"").Append(Svg(y)).Append("\" dominant-baseline=\"middle\">").Append(Markup.Escape(name)).Append("</text>\n");
            x += 24 + (7 * name.Length) + 22;
        }

        svg.Append("</g>\n");
    }

    internal static void Close(StringBuilder svg) => svg.Append("</svg>\n");

    internal static double Y(NiceScale scale, double value) => PlotBottom - ((value - scale.Min) / (scale.Max - scale.Min) * PlotHeight);
}
