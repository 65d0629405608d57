using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>Summary and time-series CSV: exact numbers, empty fields for missing values, RFC 4180 quoting.</summary>
public sealed class CsvReportTests
{
    [Fact]
    public void RenderSummary_TwoPolicies_OneRowEachWithExactNumbers()
    {
        var sut = CsvReport.RenderSummary(SampleReport.Create());

        Assert.Equal(
            CsvReport.SummaryHeader + "\n" +
            "unbounded,1812.4,0.1234,1234567.89,42,98765.4,25000000,,1.5,0.875,Infinity,3,,1234.5\n" +
            "adaptive,1950,0.025,210000,3,0,4500000,1290,1.5,1.05,1.5,1,0.018734,0.08\n",
            sut);
    }

    [Fact]
    public void RenderTimeSeries_TwoPolicies_OneRowPerSample()
    {
        var sut = CsvReport.RenderTimeSeries(SampleReport.Create()).Split('\n');

        Assert.Equal(CsvReport.TimeSeriesHeader, sut[0]);
        Assert.Equal(8, sut.Length); // header, 6 rows, and the empty string after the last line break
        Assert.Equal("unbounded,15,2950.5,2990,1250000,4,12", sut[2]);
        Assert.Equal("adaptive,30,1950,2000,4500000,1,5", sut[6]);
        Assert.Equal(string.Empty, sut[7]);
    }

    [Fact]
    public void RenderVaults_RunsThatKeptThem_OneRowPerVaultAndNoHealthFactorForAVaultThatOwesNothing()
    {
        var sut = CsvReport.RenderVaults(SampleReport.Create()).Split('\n');

        Assert.Equal(CsvReport.VaultsHeader, sut[0]);
        Assert.Equal(4, sut.Length); // header, the first run's 2 vaults (the second kept none), and the empty string after the last line break
        Assert.Equal("unbounded,proto-1/local-a/v00000,proto-1,local-a,41.683,1.34,0,41,37,41.683,78984.66,2827.10,9167.25,0,11994.35,0,0,0,0", sut[1]);
        Assert.Equal("unbounded,proto-2/local-a/v00001,proto-2,local-a,12.5,1.9,,2,0,12.5,30000,0,0,4100.5,0,3.25,41.5,812.06,-1.25", sut[2]);
    }

    [Fact]
    public void RenderSummary_PolicyNameWithCommaAndQuotes_IsQuoted()
    {
        var sut = CsvReport.RenderSummary(SampleReport.Create(firstPolicy: "caps, \"static\""));

        Assert.StartsWith("\"caps, \"\"static\"\"\",1812.4,", sut.Split('\n')[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("carriage\rreturn", "\"carriage\rreturn\"")]
    [InlineData(" padded ", "\" padded \"")]
    [InlineData("adaptive + predictive", "adaptive + predictive")]
    public void Escape_Field_QuotedOnlyWhenItMustBe(string field, string expected)
    {
        Assert.Equal(expected, CsvReport.Escape(field));
    }

    [Fact]
    public void WriteSummaryAndTimeSeries_SameTextAsRender()
    {
        var report = SampleReport.Create();
        using var summary = new StringWriter();
        using var series = new StringWriter();

        CsvReport.WriteSummary(report, summary);
        CsvReport.WriteTimeSeries(report, series);

        Assert.Equal(CsvReport.RenderSummary(report), summary.ToString());
        Assert.Equal(CsvReport.RenderTimeSeries(report), series.ToString());
    }
}
