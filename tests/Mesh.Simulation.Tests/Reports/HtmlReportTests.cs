using System.Xml;
using System.Xml.Linq;
using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>The HTML page: well-formed, self-contained, one chart per required series, escaped, deterministic.</summary>
public sealed class HtmlReportTests
{
    private static XDocument Parse(string html)
    {
        using var reader = XmlReader.Create(new StringReader(html), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore });
        return XDocument.Load(reader);
    }

    private static List<XElement> Charts(XDocument page, string chart) =>
        page.Descendants("svg").Where(s => (string?)s.Attribute("data-chart") == chart).ToList();

    [Fact]
    public void Render_SampleReport_IsWellFormedXhtmlCompatibleMarkup()
    {
        var html = HtmlReport.Render(SampleReport.Create());

        var page = Parse(html);

        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Equal("html", page.Root!.Name.LocalName);
        Assert.Equal("Fire sale: default scenario", page.Descendants("title").First().Value);
    }

    [Theory]
    [InlineData("http:")]
    [InlineData("https:")]
    [InlineData("src=")]
    [InlineData("href=")]
    [InlineData("url(")]
    [InlineData("@import")]
    [InlineData("<script")]
    [InlineData("<link")]
    public void Render_SampleReport_ReferencesNothingOutsideThePage(string reference)
    {
        var html = HtmlReport.Render(SampleReport.Create());

        Assert.DoesNotContain(reference, html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_SampleReport_APriceChartWithEveryPolicyAndTheExogenousPrice()
    {
        var page = Parse(HtmlReport.Render(SampleReport.Create()));

        var price = Assert.Single(Charts(page, "price"));
        Assert.Equal(["unbounded", "adaptive", "exogenous"], price.Descendants("polyline").Select(p => (string?)p.Attribute("data-series")));
        Assert.All(price.Descendants("polyline"), p => Assert.Equal(3, ((string)p.Attribute("points")!).Split(' ').Length));
        Assert.Equal(["time (minutes)", "price"], price.Descendants("text").Where(t => (string?)t.Attribute("class") == "axis-label").Select(t => t.Value).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(["unbounded", "adaptive", "exogenous"], price.Descendants("g").Single(g => (string?)g.Attribute("class") == "legend").Elements("text").Select(t => t.Value));
    }

    [Fact]
    public void Render_SampleReport_AnInFlightChartWithEveryPolicy()
    {
        var page = Parse(HtmlReport.Render(SampleReport.Create()));

        var inFlight = Assert.Single(Charts(page, "in-flight"));
        Assert.Equal(["unbounded", "adaptive"], inFlight.Descendants("polyline").Select(p => (string?)p.Attribute("data-series")));
        Assert.Contains(inFlight.Descendants("text"), t => t.Value == "USD");
    }

    [Fact]
    public void Render_SampleReport_AHistogramPerPolicyWithBeforeTroughAndAfter()
    {
        var page = Parse(HtmlReport.Render(SampleReport.Create()));

        var histograms = Charts(page, "hf-histogram");
        Assert.Equal(["unbounded", "adaptive"], histograms.Select(h => (string?)h.Attribute("data-policy")));
        var unbounded = histograms[0];
        var bars = unbounded.Descendants("rect").ToList();
        Assert.Equal(30, bars.Count);
        string Bar(string series, string bin) => bars.Single(b => (string?)b.Attribute("data-series") == series && (string?)b.Attribute("data-bin") == bin).Element("title")!.Value;
        Assert.Equal("at trough 0.5-0.8: 1", Bar("at trough", "0.5-0.8"));
        Assert.Equal("at trough 0.9-1: 1", Bar("at trough", "0.9-1"));
        Assert.Equal("after 3+: 1", Bar("after", "3+"));
        Assert.Equal("before 0.9-1: 0", Bar("before", "0.9-1"));
        Assert.Contains(unbounded.Descendants("text"), t => t.Value == "HF 1");
        Assert.Equal(["before", "at trough", "after"], unbounded.Descendants("g").Single().Elements("text").Select(t => t.Value));
    }

    [Fact]
    public void Render_SampleReport_SummaryTableWithAColumnPerPolicy()
    {
        var page = Parse(HtmlReport.Render(SampleReport.Create()));

        var table = page.Descendants("table").Single();
        Assert.Equal(["metric", "unbounded", "adaptive"], table.Descendants("th").Select(th => th.Value));
        Assert.Equal(["bad debt (USD)", "98,765", "0"], table.Descendants("tr").Single(tr => tr.Elements("td").FirstOrDefault()?.Value == "bad debt (USD)").Elements("td").Select(td => td.Value));
    }

    [Fact]
    public void Render_MarkupInNames_IsEscaped()
    {
        var html = HtmlReport.Render(SampleReport.Create(firstPolicy: "<caps & \"co\">", title: "A < B & C"));

        var page = Parse(html);

        Assert.Equal("A < B & C", page.Descendants("h1").Single().Value);
        Assert.Contains(page.Descendants("th"), th => th.Value == "<caps & \"co\">");
        Assert.Contains(Charts(page, "hf-histogram"), h => (string?)h.Attribute("data-policy") == "<caps & \"co\">");
    }

    [Fact]
    public void Render_SameReportTwice_SameBytes()
    {
        Assert.Equal(HtmlReport.Render(SampleReport.Create()), HtmlReport.Render(SampleReport.Create()));
    }

    [Fact]
    public void Render_RunsWithoutSamples_StillWellFormedWithEmptyCharts()
    {
        var empty = new SimulationReport("empty", "none", [new PolicyRun("unbounded", [], new PolicySummary(0m, 0m, 0m, 0, 0m, 0m, null, 0m, HealthFactorDistributions.Empty))]);

        var page = Parse(HtmlReport.Render(empty));

        Assert.Contains(Charts(page, "price").Single().Descendants("text"), t => t.Value == "no data");
        Assert.Single(Charts(page, "hf-histogram"));
    }

    [Fact]
    public void Render_AFourDayRun_LabelsTimeInHours()
    {
        var report = SampleReport.Create();
        var run = report.Runs[0] with { Samples = [.. report.Runs[0].Samples, new PolicySample(TimeSpan.FromHours(96), 1_300m, 1_300m, 0m, 0, 0)] };

        var page = Parse(HtmlReport.Render(new SimulationReport(report.Title, report.Scenario, [run])));

        Assert.Contains(Charts(page, "price").Single().Descendants("text"), t => t.Value == "time (hours)");
    }
}
