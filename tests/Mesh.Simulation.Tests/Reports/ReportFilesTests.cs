using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>Writing every form of a report to a directory.</summary>
public sealed class ReportFilesTests
{
    [Fact]
    public async Task WriteAllAsync_ADirectory_FiveFilesWithTheRenderedText()
    {
        var report = SampleReport.Create();
        var directory = Path.Combine(Path.GetTempPath(), $"mesh-report-{Guid.NewGuid():N}");
        try
        {
            var paths = await ReportFiles.WriteAllAsync(report, directory);

            Assert.Equal(["summary.txt", "summary.csv", "timeseries.csv", "vaults.csv", "report.html"], paths.Select(Path.GetFileName));
            Assert.Equal(TextTableReport.Render(report), await File.ReadAllTextAsync(paths[0]));
            Assert.Equal(CsvReport.RenderSummary(report), await File.ReadAllTextAsync(paths[1]));
            Assert.Equal(CsvReport.RenderTimeSeries(report), await File.ReadAllTextAsync(paths[2]));
            Assert.Equal(CsvReport.RenderVaults(report), await File.ReadAllTextAsync(paths[3]));
            var html = await File.ReadAllBytesAsync(paths[4]);
            Assert.NotEqual(0xEF, html[0]); // no byte-order mark
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void SimulationReport_RepeatedPolicy_Throws()
    {
        var run = SampleReport.Create().Runs[0];

        Assert.Throws<ArgumentException>(() => new SimulationReport("t", "s", [run, run]));
    }
}
