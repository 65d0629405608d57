using System.Text;

namespace Mesh.Simulation.Reports;

/// <summary>Writes every form of a report into a directory.</summary>
public static class ReportFiles
{
    /// <summary>The text table's file name.</summary>
    public const string Table = "summary.txt";

    /// <summary>The summary CSV's file name.</summary>
    public const string SummaryCsv = "summary.csv";

    /// <summary>The time-series CSV's file name.</summary>
    public const string TimeSeriesCsv = "timeseries.csv";

    /// <summary>The per-vault CSV's file name.</summary>
    public const string VaultsCsv = "vaults.csv";

    /// <summary>The HTML page's file name.</summary>
    public const string Html = "report.html";

    /// <summary>Writes <c>summary.txt</c>, <c>summary.csv</c>, <c>timeseries.csv</c>, <c>vaults.csv</c> and <c>report.html</c> (UTF-8 without a byte-order mark), creating the directory.</summary>
    /// <param name="report">The report.</param>
    /// <param name="directory">Where to.</param>
    /// <param name="cancellationToken">Cancels between files.</param>
    /// <returns>The paths written.</returns>
    public static async Task<IReadOnlyList<string>> WriteAllAsync(SimulationReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var files = new (string Name, string Text)[]
        {
            (Table, TextTableReport.Render(report)),
            (SummaryCsv, CsvReport.RenderSummary(report)),
            (TimeSeriesCsv, CsvReport.RenderTimeSeries(report)),
            (VaultsCsv, CsvReport.RenderVaults(report)),
            (Html, HtmlReport.Render(report)),
        };
        var written = new List<string>(files.Length);
        foreach (var (name, text) in files)
        {
            var path = Path.Combine(directory, name);
            await File.WriteAllTextAsync(path, text, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            written.Add(path);
        }

        return written;
    }
}
