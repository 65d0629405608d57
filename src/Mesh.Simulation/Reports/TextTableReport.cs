using System.Text;

namespace Mesh.Simulation.Reports;

/// <summary>Writes a report as a fixed-width text table: one row per metric, the policies side by side.</summary>
public static class TextTableReport
{
    private const string Gap = "  ";

    /// <summary>Renders the report.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The text, lines ending in <c>\n</c>.</returns>
    public static string Render(SimulationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rows = SummaryRows.All;
        var labelWidth = Math.Max("metric".Length, rows.Max(r => r.Label.Length));
        var cells = report.Runs.Select(run => rows.Select(r => r.Value(run.Summary)).ToList()).ToList();
        var widths = report.Runs.Select((run, i) => Math.Max(run.Policy.Length, cells[i].Max(c => c.Length))).ToList();

        var text = new StringBuilder();
        text.Append(report.Title).Append('\n');
        text.Append("scenario: ").Append(report.Scenario).Append('\n');
        foreach (var note in report.Notes)
        {
            text.Append("  ").Append(note).Append('\n');
        }

        text.Append('\n');
        Line(text, "metric".PadRight(labelWidth), report.Runs.Select((run, i) => run.Policy.PadLeft(widths[i])));
        Line(text, new string('-', labelWidth), widths.Select(w => new string('-', w)));
        for (var row = 0; row < rows.Count; row++)
        {
            var r = row;
            Line(text, rows[r].Label.PadRight(labelWidth), cells.Select((c, i) => c[r].PadLeft(widths[i])));
        }

        return text.ToString();
    }

    /// <summary>Writes the report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="writer">Where to.</param>
    public static void Write(SimulationReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(Render(report));
    }

    private static void Line(StringBuilder text, string first, IEnumerable<string> rest)
    {
        text.Append(string.Join(Gap, rest.Prepend(first)).TrimEnd()).Append('\n');
    }
}
