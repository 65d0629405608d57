using System.Text.Json;
using Mesh.Api.Tests.Infrastructure;
using Mesh.Testing.ChainNode;
using Mesh.Testing.Scenarios;
using Xunit.Abstractions;

namespace Mesh.Api.Tests.Domain;

/// <summary>
/// The shared-pool scenario end to end through HTTP on a real single-node silo (SQLite), its chains on a
/// <see cref="SimulatedChainNode"/> in the test process and funded through the silo's faucet: three protocols share
/// the USDC pool, a batch of value-moving requests is retried, an oracle shock raises rebalance needs, and value is
/// conserved to the base unit at every step.
/// </summary>
public sealed class SharedPoolEndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SharedPool_SingleNodeOnSqlite_ConservedAndShockRaisesNeeds()
    {
        await using var node = await SimulatedChainNode.StartAsync();
        await using var silo = await ApiSilo.StartAsync(
            null,
            node.SiloSetting,
            "--Mesh:Api:RateLimit:TokenLimit=100000",
            "--Mesh:Api:RateLimit:TokensPerPeriod=100000");
        using var http = new MeshHttp([silo.Process.BaseAddress]);
        var sut = new SharedPoolScenario(http, node, silo.OperatorKey, output.WriteLine) { FundThroughSilo = true };

        var outcome = await sut.RunAsync();

        Assert.All(outcome.Batch, a => Assert.True(a.Acknowledged, $"{a.Movement}: {a.Reply?.ToString() ?? a.Failure}"));
        foreach (var b in sut.Borrowers)
        {
            AssertShockHurts(b.Id, outcome.BeforeShock[b.Id], outcome.AfterShock[b.Id]);
        }
    }

    /// <summary>A WETH vault that sold WETH puts and borrowed USDC: the shock lowers its health below the band and raises a need to add collateral.</summary>
    internal static void AssertShockHurts(string vault, JsonElement before, JsonElement after)
    {
        var hfBefore = before.GetProperty("healthFactor").GetDouble();
        var hfAfter = after.GetProperty("healthFactor").GetDouble();
        Assert.True(hfAfter < hfBefore, $"{vault}: a 30% fall of WETH lowers the health factor ({hfBefore} → {hfAfter})");
        Assert.True(hfAfter < after.GetProperty("bandMin").GetDouble(), $"{vault}: after the shock the health factor {hfAfter} is below the band");
        Assert.Equal("raise", after.GetProperty("need").GetProperty("direction").GetString());
        Assert.True(after.GetProperty("need").GetProperty("valueUsd").GetDouble() > 0, $"{vault}: the need names a value to add");
    }
}
