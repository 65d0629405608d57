using Mesh.Simulation.Reports;

namespace Mesh.Simulation.Tests.Reports;

/// <summary>The fixed-width table: policies side by side, numbers right-aligned, invariant formatting.</summary>
public sealed class TextTableReportTests
{
    private const string Expected =
        "Fire sale: default scenario\n" +
        "scenario: default (seed 20221108)\n" +
        "  40 vaults on 3 chains\n" +
        "  WETH depth 10,000 a day, sigma 5%\n" +
        "\n" +
        "metric                       unbounded   adaptive\n" +
        "--------------------------  ----------  ---------\n" +
        "worst price                   1,812.40   1,950.00\n" +
        "fire-sale drawdown              12.34%      2.50%\n" +
        "total slippage (USD)         1,234,568    210,000\n" +
        "vaults liquidated                   42          3\n" +
        "bad debt (USD)                  98,765          0\n" +
        "peak value in flight (USD)  25,000,000  4,500,000\n" +
        "time until all HF > 1            never    0:21:30\n" +
        "vault-hours HF < 1             1,234.5        0.1\n" +
        "median HF before                 1.500      1.500\n" +
        "median HF at trough              0.875      1.050\n" +
        "median HF after                    inf      1.500\n" +
        "vaults HF < 1 at trough              3          1\n" +
        "worst perp discount          no hedges      1.87%\n";

    [Fact]
    public void Render_TwoPolicies_TheTableAsAPersonReadsIt()
    {
        var sut = TextTableReport.Render(SampleReport.Create());

        Assert.Equal(Expected, sut);
    }

    [Fact]
    public void Render_ALongPolicyName_WidensItsColumnOnly()
    {
        var sut = TextTableReport.Render(SampleReport.Create(firstPolicy: "adaptive + predictive (v2)"));

        var lines = sut.Split('\n');
        Assert.Contains("metric                      adaptive + predictive (v2)   adaptive", lines);
        Assert.Contains("worst price                                   1,812.40   1,950.00", lines);
    }

    [Fact]
    public void Write_SameReport_SameText()
    {
        using var writer = new StringWriter();
        TextTableReport.Write(SampleReport.Create(), writer);

        Assert.Equal(TextTableReport.Render(SampleReport.Create()), writer.ToString());
    }
}
